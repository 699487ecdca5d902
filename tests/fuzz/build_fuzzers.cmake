# Configures and builds the libFuzzer targets (fuzz/) with clang under BUILD, instrumented with
# ASan and UBSan. Run as: cmake -DSOURCE=<repo> -DBUILD=<dir> -DJOBS=<n> -P build_fuzzers.cmake
find_program(CLANGXX clang++)
find_program(CLANG clang)
if(NOT CLANGXX OR NOT CLANG)
  message(FATAL_ERROR "clang is not installed: scripts/setup installs it (Debian clang, "
                      "libclang-rt-14-dev)")
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${BUILD} -DCMAKE_BUILD_TYPE=Fuzz
          -DCMAKE_CXX_COMPILER=${CLANGXX} -DCMAKE_C_COMPILER=${CLANG} -DIPCSIM_FUZZ=ON
          -DIPCSIM_BENCH=OFF
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the fuzz build failed:\n${out}\n${err}")
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} --build ${BUILD} --target ipcsim_fuzzers -j ${JOBS}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the fuzz targets failed:\n${out}\n${err}")
endif()
message(STATUS "fuzz targets built in ${BUILD}")
