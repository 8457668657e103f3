# One INTERFACE target carries the warnings and options every MyoDesk target uses.
add_library(myodesk_options INTERFACE)
add_library(MyoDesk::options ALIAS myodesk_options)

option(MYODESK_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
option(MYODESK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(MYODESK_BUILD_FUZZERS "Build the libFuzzer targets of tests/fuzz (clang only; the fuzz preset)" OFF)

target_compile_features(myodesk_options INTERFACE cxx_std_20)
target_compile_options(
  myodesk_options
  INTERFACE -Wall
            -Wextra
            -Wpedantic
            -Wshadow
            -Wnon-virtual-dtor
            -Wold-style-cast
            -Wcast-align
            -Wunused
            -Woverloaded-virtual
            -Wconversion
            -Wsign-conversion
            -Wnull-dereference
            -Wdouble-promotion
            -Wformat=2
            -Wimplicit-fallthrough)

# Full RELRO and immediate binding, as Debian's hardening expects of packaged binaries.
target_link_options(myodesk_options INTERFACE -Wl,-z,relro,-z,now)

if(MYODESK_WARNINGS_AS_ERRORS)
  target_compile_options(myodesk_options INTERFACE -Werror)
endif()

if(MYODESK_SANITIZE)
  # vptr is off: it needs the RTTI of SOCI's internal classes, which Debian's libsoci does not
  # export (the link fails with undefined typeinfo).
  target_compile_options(myodesk_options INTERFACE -fsanitize=address,undefined -fno-sanitize=vptr
                                                   -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(myodesk_options INTERFACE -fsanitize=address,undefined -fno-sanitize=vptr)
endif()

if(MYODESK_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "MYODESK_BUILD_FUZZERS needs clang (the fuzz preset uses clang++-14)")
  endif()
  # Every library gets libFuzzer's coverage hooks (fuzzer-no-link) and the sanitizers, so the
  # fuzzers see into core, db and the CLI; only the fuzz targets link libFuzzer itself
  # (tests/fuzz). vptr is off for the reason given above.
  set(_myodesk_fuzz_sanitizers -fsanitize=address,undefined -fno-sanitize=vptr
                               -fno-sanitize-recover=undefined)
  target_compile_options(myodesk_options INTERFACE -fsanitize=fuzzer-no-link ${_myodesk_fuzz_sanitizers}
                                                   -fno-omit-frame-pointer)
  target_link_options(myodesk_options INTERFACE ${_myodesk_fuzz_sanitizers})
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()
