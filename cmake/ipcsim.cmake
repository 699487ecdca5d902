# Helpers shared by every component's CMakeLists.txt.

# ipcsim_library(NAME SOURCES ... [DEPS ...] [SYSTEMC]): a static library with the project's
# warnings. Only targets declared SYSTEMC get the SystemC include path.
function(ipcsim_library name)
  cmake_parse_arguments(ARG "SYSTEMC" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_compile_options(${name} PRIVATE ${IPCSIM_WARNINGS})
  if(ARG_SYSTEMC)
    target_link_libraries(${name} PUBLIC SystemC::systemc)
  endif()
  if(ARG_DEPS)
    target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  endif()
endfunction()

# ipcsim_test(NAME SOURCES ... [DEPS ...] [TIMEOUT s] [NO_SYSTEMC]): a GoogleTest binary whose
# tests CTest discovers one by one, so each TEST runs in its own process (at most one sc_start per
# process). NO_SYSTEMC: GoogleTest's own main instead of sc_gtest_main, so a test that must run
# without the SystemC kernel does not even link it.
function(ipcsim_test name)
  cmake_parse_arguments(ARG "NO_SYSTEMC" "TIMEOUT" "SOURCES;DEPS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 10)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE ${IPCSIM_WARNINGS})
  if(ARG_NO_SYSTEMC)
    target_link_libraries(${name} PRIVATE GTest::gtest_main ${ARG_DEPS})
  else()
    target_link_libraries(${name} PRIVATE ipcsim_test_main ${ARG_DEPS})
  endif()
  gtest_discover_tests(${name}
    PROPERTIES TIMEOUT ${ARG_TIMEOUT}
               ENVIRONMENT "SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1"
    DISCOVERY_TIMEOUT 30)
endfunction()
