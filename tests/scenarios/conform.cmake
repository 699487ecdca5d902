# `ipcsim conform`: input it refuses (exit 2, saying why), and with the OpenAMP firmware built
# (HAVE_OPENAMP): a modelled scenario and its firmware twin that agree (exit 0, both access
# traces and conformance.json written), and the same preset against another release's firmware,
# which must diverge (exit 1, the first divergence shown with both sides' steps).
file(REMOVE_RECURSE ${OUT})

function(expect_refusal what pattern)
  execute_process(COMMAND ${IPCSIM} conform ${ARGN} --out ${OUT}/refused
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "${pattern}")
    message(FATAL_ERROR "${what}: expected exit 2 and '${pattern}', got ${rc}:\n${out}\n${err}")
  endif()
endfunction()

expect_refusal("an unknown release" "valid: v2021.10, v2022.04"
               ${PINGPONG} --release v2020.04)
expect_refusal("an application without a twin" "queued_responder has no firmware twin"
               ${QUEUED} --release v2024.05)
expect_refusal("no built firmware" "does not exist"
               ${PINGPONG} --release v2024.05 --firmware-dir ${OUT}/nowhere)
expect_refusal("a missing ELF" "no such file"
               ${PINGPONG} --release v2024.05 --firmware ${OUT}/missing.elf)

if(NOT HAVE_OPENAMP)
  return()
endif()

expect_refusal("a firmware scenario" "give the modelled scenario"
               ${FIRMWARE_SCENARIO} --release v2024.05
               --set remote.firmware=${FIRMWARE_DIR}/rpmsg_sample_echo_v2024.05.elf)

execute_process(COMMAND ${IPCSIM} conform ${PINGPONG} --release v2024.05 --out ${OUT}/agree
                        --row ${OUT}/agree.row
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "verdict   conformant: 8 of 8 message segments alike")
  message(FATAL_ERROR "v2024.05 against its firmware: exit ${rc}:\n${out}\n${err}")
endif()
foreach(f model/access_trace.tsv firmware/access_trace.tsv model/report.json
          firmware/report.json conformance.json)
  if(NOT EXISTS ${OUT}/agree/${f})
    message(FATAL_ERROR "conform did not write ${f}")
  endif()
endforeach()
file(READ ${OUT}/agree.row row)
if(NOT row STREQUAL "| v2024.05 | completed | 6 of 6 | none | 8 of 8 | conformant |\n")
  message(FATAL_ERROR "the table row: ${row}")
endif()
file(STRINGS ${OUT}/agree/firmware/access_trace.tsv header LIMIT_COUNT 1)
if(NOT header STREQUAL "time_ps\top\taddr\tsize\tname\tflags\tvalue\tsite")
  message(FATAL_ERROR "the access trace's header: ${header}")
endif()

# The v2024.05 preset against v2023.10's firmware: v2023.10 does not read the vdev's id when it
# creates the vdev (PR #540 came in v2024.05), so the boot segments part at their first step.
execute_process(COMMAND ${IPCSIM} conform ${PINGPONG} --release v2024.05 --out ${OUT}/differ
                        --firmware ${FIRMWARE_DIR}/slot_responder_v2023.10.elf
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT out MATCHES "verdict   diverges"
   OR NOT out MATCHES "first divergence, in boot:"
   OR NOT out MATCHES "> 0  \\{read rsc.vdev.id, read rsc.vdev.num_of_vrings\\}")
  message(FATAL_ERROR "v2024.05 against v2023.10's firmware: exit ${rc}:\n${out}\n${err}")
endif()
