# The layer rules, checked (CTest: layer_rules). Run as
#   cmake -DROOT=<source folder> -P cmake/CheckLayers.cmake
# Fails, naming each file and line, on an #include a layer may not have:
#   core/     wx, SOCI, cairo or pango (core is pure: std + fmt)
#   reports/  wx or SOCI (reports builds view-models and renders them)
#   app/      SOCI (the front ends and services reach the database through db's headers)
# Only #include lines count; a header named in a comment does not.

if(NOT DEFINED ROOT)
  message(FATAL_ERROR "CheckLayers.cmake: pass -DROOT=<the source folder to check>")
endif()
get_filename_component(ROOT "${ROOT}" ABSOLUTE)

# What each library's headers start with, as written after #include < or #include ".
set(_wx "wx/")
set(_soci "soci/|soci\\.h|soci-")
set(_cairo "cairo/|cairo\\.h|cairo-")
set(_pango "pango/|pangocairo|pango-")

# layer folder | what it may not include | why, for the message
set(_rules "core|${_wx}|${_soci}|${_cairo}|${_pango}" "reports|${_wx}|${_soci}" "app|${_soci}")
set(_why_core "core is pure C++ (std and fmt): no wx, SOCI, cairo or pango")
set(_why_reports "reports has no wx and no SOCI")
set(_why_app "app reaches the database only through db's headers: no SOCI")

set(_violations 0)
foreach(_rule IN LISTS _rules)
  string(REPLACE "|" ";" _parts "${_rule}")
  list(POP_FRONT _parts _layer)
  list(JOIN _parts "|" _forbidden)
  set(_include_regex "^[ \t]*#[ \t]*include[ \t]*[<\"](${_forbidden})")
  file(
    GLOB_RECURSE _files
    LIST_DIRECTORIES false
    "${ROOT}/${_layer}/*.h" "${ROOT}/${_layer}/*.hh" "${ROOT}/${_layer}/*.hpp" "${ROOT}/${_layer}/*.ipp"
    "${ROOT}/${_layer}/*.c" "${ROOT}/${_layer}/*.cc" "${ROOT}/${_layer}/*.cpp" "${ROOT}/${_layer}/*.cxx"
    "${ROOT}/${_layer}/*.in")
  list(SORT _files)
  foreach(_file IN LISTS _files)
    # Cheap first pass: only files with a forbidden include are read line by line.
    file(STRINGS "${_file}" _hits REGEX "${_include_regex}")
    if(NOT _hits)
      continue()
    endif()
    # The line number of each hit: the newlines before it (file(STRINGS) lists cannot be
    # counted on for this, as C++ lines hold ';' and '[').
    file(READ "${_file}" _content)
    set(_offset 0)
    foreach(_hit IN LISTS _hits)
      string(SUBSTRING "${_content}" ${_offset} -1 _rest)
      string(FIND "${_rest}" "${_hit}" _at)
      math(EXPR _at "${_offset} + ${_at}")
      string(SUBSTRING "${_content}" 0 ${_at} _before)
      string(REGEX MATCHALL "\n" _newlines "${_before}")
      list(LENGTH _newlines _number)
      math(EXPR _number "${_number} + 1")
      string(LENGTH "${_hit}" _length)
      math(EXPR _offset "${_at} + ${_length}")
      file(RELATIVE_PATH _relative "${ROOT}" "${_file}")
      string(STRIP "${_hit}" _shown)
      message(NOTICE "${_relative}:${_number}: ${_shown}  (${_why_${_layer}})")
      math(EXPR _violations "${_violations} + 1")
    endforeach()
  endforeach()
endforeach()

if(_violations GREATER 0)
  message(FATAL_ERROR "Layer rules broken by ${_violations} include(s), listed above (the rules are at the top of cmake/CheckLayers.cmake).")
endif()
message(STATUS "Layer rules hold under ${ROOT}")
