# `--set` reaches an application's options: client_sample_3 run with count=7 must do 7 rounds
# (14 messages), so its own expectations (6) fail with exit 1 and say what was seen.
execute_process(COMMAND ${IPCSIM} run ${SCENARIO} --out ${OUT}
                        --set master.apps[0].rpmsg_client_sample.count=7
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit 1 (expectations not met), got ${rc}: ${out}${err}")
endif()
if(NOT out MATCHES "messages  sent 14, delivered 14, dropped 0")
  message(FATAL_ERROR "7 rounds should send and deliver 14 messages: ${out}")
endif()
if(NOT out MATCHES "FAILED  messages\\.delivered: expected 6, got 14")
  message(FATAL_ERROR "the failed expectation should name expected and actual: ${out}")
endif()
if(NOT out MATCHES "incoming msg 7 \\(src: 0x400\\)")
  message(FATAL_ERROR "Linux should print the 7th reply: ${out}")
endif()
