# A scenario with a typo'd key must exit 2 and name file:line and the key path. The variant is
# written to the build tree (never into scenarios/, which the suite globs).
file(MAKE_DIRECTORY ${OUT})
file(READ ${SCENARIO} text)
get_filename_component(dir ${SCENARIO} DIRECTORY)
string(REGEX REPLACE "board: ([^\n]+)" "board: ${dir}/\\1" text "${text}")
string(REPLACE "stop_at: 100ms" "stop_at: 100ms\nset:\n  clusters.remote.dcache.wayz: 8" text "${text}")
set(typo ${OUT}/typo_test.yaml)
file(WRITE ${typo} "${text}")
execute_process(COMMAND ${IPCSIM} run ${typo} --out ${OUT}/run
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "expected exit 2, got ${rc}: ${err}")
endif()
if(NOT err MATCHES "typo_test\\.yaml:[0-9]+: clusters\\.remote\\.dcache\\.wayz: unknown key 'wayz' \\(did you mean 'ways'\\?\\)")
  message(FATAL_ERROR "message lacks file:line and key path: ${err}")
endif()
