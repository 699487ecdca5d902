# `ipcsim check` over a passing, a failing and an invalid scenario: exit 1, a table naming each,
# and JUnit XML with one testcase each, the failure's unmet expectation and finding, the error's
# message.
# A report left from an earlier run must not be taken for this run's verdict.
file(WRITE ${OUT}/runs/invalid/report.json "{\"outcome\": \"completed\", \"expectations\": []}")
execute_process(COMMAND ${IPCSIM} check ${SUITE} --junit ${OUT}/junit.xml --out ${OUT}/runs -j 2
                RESULT_VARIABLE rc OUTPUT_VARIABLE table)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit 1 (a scenario fails), got ${rc}:\n${table}")
endif()
foreach(want "passes    ok" "fails     FAIL" "invalid   INVALID  -  " "1/3 passed")
  string(FIND "${table}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "table lacks '${want}':\n${table}")
  endif()
endforeach()
file(READ ${OUT}/junit.xml xml)
foreach(want "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
             "<testsuites name=\"ipcsim\" tests=\"3\" failures=\"1\" errors=\"1\""
             "<testcase classname=\"scenarios\" name=\"passes\""
             "<failure message=\"1 unmet expectation(s), outcome completed\">unmet: messages.delivered: expected 2, got 1"
             "finding: stale_read 0x200ca000: missing invalidate before read"
             "<error message=\"INVALID\">ipcsim: "
             "unknown key &apos;stop_att&apos; (did you mean &apos;stop_at&apos;?)"
             "</testsuite>\n</testsuites>")
  string(FIND "${xml}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "JUnit XML lacks '${want}':\n${xml}")
  endif()
endforeach()
string(REGEX MATCHALL "<testcase " cases "${xml}")
list(LENGTH cases n)
if(NOT n EQUAL 3)
  message(FATAL_ERROR "expected 3 testcases, got ${n}")
endif()
