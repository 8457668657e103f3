# Checks the layer check (CTest: layer_rules_self_test). Run as
#   cmake -DWORK_DIR=<empty scratch folder> -P cmake/CheckLayersSelfTest.cmake
# Builds small trees in WORK_DIR and runs CheckLayers.cmake on each: every rule must fail on its
# forbidden include (naming the file and line), and a tree that keeps the rules must pass.

if(NOT DEFINED WORK_DIR)
  message(FATAL_ERROR "CheckLayersSelfTest.cmake: pass -DWORK_DIR=<a scratch folder>")
endif()
set(_checker "${CMAKE_CURRENT_LIST_DIR}/CheckLayers.cmake")
set(_failures 0)

# Writes `text` to <case>/<file> (after two lines of other code), runs the check on <case>, and
# compares: expect "fail" wants a failure that names "<file>:3:", "pass" wants success.
function(_layer_case name file text expect)
  set(_root "${WORK_DIR}/${name}")
  file(REMOVE_RECURSE "${_root}")
  file(WRITE "${_root}/${file}" "// a file of the ${name} case\n#include <string>\n${text}\nint x;\n")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" "-DROOT=${_root}" -P "${_checker}"
    RESULT_VARIABLE _result
    OUTPUT_VARIABLE _output
    ERROR_VARIABLE _output)
  if(expect STREQUAL "fail")
    if(_result EQUAL 0 OR NOT _output MATCHES "${file}:3:")
      message(NOTICE "FAILED ${name}: ${file} with '${text}' should be refused at line 3:\n${_output}")
      math(EXPR _failures "${_failures} + 1")
      set(_failures ${_failures} PARENT_SCOPE)
    endif()
  elseif(NOT _result EQUAL 0)
    message(NOTICE "FAILED ${name}: ${file} with '${text}' should pass:\n${_output}")
    math(EXPR _failures "${_failures} + 1")
    set(_failures ${_failures} PARENT_SCOPE)
  endif()
endfunction()

_layer_case(core_wx "core/src/plan.cpp" "#include <wx/string.h>" fail)
_layer_case(core_soci "core/include/myodesk/core/x.h" "#include <soci/soci.h>" fail)
_layer_case(core_cairo "core/src/chart.cpp" "#include <cairo-pdf.h>" fail)
_layer_case(core_pango "core/src/text.cpp" "  #  include <pango/pangocairo.h>" fail)
_layer_case(reports_wx "reports/src/pdf_renderer.cpp" "#include \"wx/dc.h\"" fail)
_layer_case(reports_soci "reports/src/table.cpp" "#include <soci/error.h>" fail)
_layer_case(app_soci "app/cli/cli.cpp" "#include <soci/error.h>" fail)
_layer_case(app_services_soci "app/services/booking.h" "#include <soci/soci.h>" fail)

# What each layer may use passes: reports draws with cairo and pango, the GUI uses wx, and a
# header only named in a comment is no include.
_layer_case(reports_cairo "reports/src/pdf_renderer.cpp" "#include <cairo.h>\n#include <pango/pangocairo.h>" pass)
_layer_case(app_wx "app/gui/main_frame.cpp" "#include <wx/frame.h>" pass)
_layer_case(core_comment "core/src/plan.cpp" "// no #include <wx/string.h> here" pass)
_layer_case(db_soci "db/src/database.cpp" "#include <soci/soci.h>" pass)

if(_failures GREATER 0)
  message(FATAL_ERROR "${_failures} layer check case(s) failed")
endif()
message(STATUS "Every layer check case behaved")
