# Writes the gettext template of every user-facing string: cmake -DXGETTEXT=... -DSOURCE_DIR=...
# -DOUTPUT=... -P make_pot.cmake. The markers: _() and wxTRANSLATE() and wxPLURAL() in the GUI,
# Tr() in the vocabulary and the reports (myodesk/vocabulary/translation.h). The file changes
# only when a string does: the creation date is left out and an unchanged file is not touched.
foreach(_var IN ITEMS XGETTEXT SOURCE_DIR OUTPUT)
  if(NOT ${_var})
    message(FATAL_ERROR "make_pot.cmake: ${_var} is not set")
  endif()
endforeach()

# Sorted and relative to the source tree, so that the template is the same on every machine.
file(GLOB_RECURSE _sources RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h"
     "${SOURCE_DIR}/reports/*.cpp" "${SOURCE_DIR}/reports/*.h" "${SOURCE_DIR}/core/vocabulary/*.cpp")
list(SORT _sources)

set(_raw "${OUTPUT}.raw")
execute_process(
  COMMAND
    "${XGETTEXT}" --language=C++ --from-code=UTF-8 --sort-by-file --add-location=file
    --add-comments=TRANSLATORS:
    --keyword=_ --keyword=wxTRANSLATE --keyword=wxPLURAL:1,2 --keyword=Tr --keyword=TR_LATER --flag=Tr:1:no-c-format --flag=TR_LATER:1:no-c-format
    --package-name=MyoDesk --msgid-bugs-address=https://myodesk.invalid --output=${_raw} ${_sources}
  WORKING_DIRECTORY "${SOURCE_DIR}"
  RESULT_VARIABLE _result
  ERROR_VARIABLE _errors)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "xgettext failed (${_result}): ${_errors}")
endif()

file(READ "${_raw}" _pot)
file(REMOVE "${_raw}")
string(REGEX REPLACE "\"POT-Creation-Date: [^\"]*\"\n" "" _pot "${_pot}")
string(REPLACE "charset=CHARSET" "charset=UTF-8" _pot "${_pot}")
set(_old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" _old)
endif()
if(NOT _pot STREQUAL _old)
  file(WRITE "${OUTPUT}" "${_pot}")
endif()
