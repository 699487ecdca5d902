# The coherency sanitizer only watches: a run with it and a run without it give the same report
# apart from the coherency section, the wall time and the expectations (coherency expectations
# are not checked without the sanitizer; every other one is computed from compared data). The scenario must have findings, so the
# comparison covers a run where the sanitizer really had something to say.
execute_process(COMMAND ${IPCSIM} run ${SCENARIO} --out ${OUT}/on RESULT_VARIABLE rc_on OUTPUT_QUIET)
execute_process(COMMAND ${IPCSIM} run ${SCENARIO} --no-sanitizer --out ${OUT}/off
                RESULT_VARIABLE rc_off OUTPUT_QUIET)
file(READ ${OUT}/on/report.json on)
file(READ ${OUT}/off/report.json off)
string(JSON violations GET "${on}" coherency violations)
string(JSON enabled_off GET "${off}" coherency enabled)
if(violations EQUAL 0)
  message(FATAL_ERROR "the scenario has no finding: the comparison would prove little")
endif()
if(enabled_off)
  message(FATAL_ERROR "--no-sanitizer did not switch the sanitizer off")
endif()
foreach(run on off)
  string(JSON ${run} REMOVE "${${run}}" coherency)
  string(JSON ${run} REMOVE "${${run}}" wall_ms)
  string(JSON ${run} REMOVE "${${run}}" expectations)
endforeach()
if(NOT on STREQUAL off)
  file(WRITE ${OUT}/on.json "${on}")
  file(WRITE ${OUT}/off.json "${off}")
  message(FATAL_ERROR "reports differ with the sanitizer on and off: compare ${OUT}/on.json and ${OUT}/off.json")
endif()
if(NOT rc_on EQUAL 0 OR NOT rc_off EQUAL 0)
  message(FATAL_ERROR "expectations not met: exit ${rc_on} with the sanitizer, ${rc_off} without "
                      "(coherency expectations are not checked without it)")
endif()
