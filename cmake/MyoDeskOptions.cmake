# One INTERFACE target carries the warnings and options every MyoDesk target uses.
add_library(myodesk_options INTERFACE)
add_library(MyoDesk::options ALIAS myodesk_options)

option(MYODESK_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
option(MYODESK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

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

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()
