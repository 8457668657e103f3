# The pot_template test: makes a template from the sources (make_pot.cmake) and checks it and
# the committed po/myodesk.pot for strings of every marker and layer.
include("${CMAKE_CURRENT_LIST_DIR}/make_pot.cmake")

set(_known
    # Tr() in the vocabulary: a word, a pattern and a plan sentence.
    "msgid \"Hip flexors\""
    "msgid \"left {}\""
    "msgid \"Focus on the {}: they carry much of a runner's load.\""
    "msgid \"Sleep 7-9 hours: tissue recovers while you sleep.\""
    # Tr() in the reports.
    "msgid \"Printed {}\""
    # _() and wxPLURAL() and wxTRANSLATE() in the GUI.
    "msgid \"Plan for %s – %s, made %s\""
    "msgid_plural \"in %d weeks\""
    "msgid \"Corrected text\""
    # A translator's note travels with its string.
    "#. TRANSLATORS: a training phase: mileage still building.")
set(_failed "")
foreach(_file IN ITEMS "${OUTPUT}" "${COMMITTED}")
  file(READ "${_file}" _text)
  foreach(_string IN LISTS _known)
    string(FIND "${_text}" "${_string}" _at)
    if(_at EQUAL -1)
      string(APPEND _failed "\n  ${_file}: missing ${_string}")
    endif()
  endforeach()
endforeach()
if(_failed)
  message(FATAL_ERROR "The gettext template lacks strings:${_failed}\n"
                      "Regenerate it: cmake --build --preset ci --target pot")
endif()
message(STATUS "po/myodesk.pot holds the known strings")
