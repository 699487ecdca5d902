# Runs one libFuzzer target for RUNS inputs after its seeds, seeded (-seed=1) and from an empty
# CORPUS (a build folder where the new inputs it finds go) so that a run is repeatable; the seed
# folders are only read. A crash, a sanitizer report or a non-input error fails the test and leaves the input
# that did it in ARTIFACTS.
# Run as: cmake -DFUZZER=<binary> -DCORPUS=<dir> -DSEEDS=<dir;dir> -DRUNS=<n> -DARTIFACTS=<dir>
#         -P run_fuzzer.cmake
if(NOT EXISTS ${FUZZER})
  message(FATAL_ERROR "${FUZZER} was not built (fuzz.build failed?)")
endif()
file(REMOVE_RECURSE ${CORPUS} ${ARTIFACTS})
file(MAKE_DIRECTORY ${CORPUS} ${ARTIFACTS})
set(seed_dirs "")
foreach(s IN LISTS SEEDS)
  if(NOT EXISTS ${s})
    message(FATAL_ERROR "seed folder ${s} is missing")
  endif()
  list(APPEND seed_dirs ${s})
endforeach()
execute_process(
  COMMAND ${FUZZER} ${CORPUS} ${seed_dirs} -runs=${RUNS} -seed=1 -timeout=10 -rss_limit_mb=2048
          -max_len=65536 -artifact_prefix=${ARTIFACTS}/ -print_final_stats=1
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" executed "${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${FUZZER} found a problem (exit ${rc}); the input is in ${ARTIFACTS}\n"
                      "${err}")
endif()
if(NOT executed)
  message(FATAL_ERROR "${FUZZER} did not report what it ran:\n${err}")
endif()
message(STATUS "${executed}")
