# `ipcsim run --seeds N` names the seeds that break the expectations, and each replays alone.
execute_process(COMMAND ${IPCSIM} run ${SCENARIO} --seeds 8 --out ${OUT}/explore
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit 1 (some seed breaks the expectations), got ${rc}:\n${out}")
endif()
string(REGEX MATCH "seeds     breaking the expectations: ([0-9 ]+)" line "${out}")
if(NOT line)
  message(FATAL_ERROR "no list of breaking seeds:\n${out}")
endif()
string(REPLACE " " ";" seeds "${CMAKE_MATCH_1}")
list(GET seeds 0 first)
execute_process(COMMAND ${IPCSIM} run ${SCENARIO} --seed ${first} --out ${OUT}/replay
                RESULT_VARIABLE rc_replay OUTPUT_QUIET)
if(NOT rc_replay EQUAL 1)
  message(FATAL_ERROR "seed ${first} did not break the expectations when replayed (exit ${rc_replay})")
endif()
# A seed that is not listed meets them when run alone.
foreach(s RANGE 1 8)
  list(FIND seeds ${s} listed)
  if(listed EQUAL -1)
    execute_process(COMMAND ${IPCSIM} run ${SCENARIO} --seed ${s} --out ${OUT}/good
                    RESULT_VARIABLE rc_good OUTPUT_QUIET)
    if(NOT rc_good EQUAL 0)
      message(FATAL_ERROR "seed ${s} was not listed but fails alone (exit ${rc_good})")
    endif()
    break()
  endif()
endforeach()
