# `ipcsim run --access-trace`: the remote's shared-memory accesses and maintenance of the modelled
# client sample, named by field; refused together with --seeds (it records one run).
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${IPCSIM} run ${SCENARIO} --out ${OUT}/run
                        --access-trace ${OUT}/trace/remote.tsv
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "accesses  ${OUT}/trace/remote.tsv \\([0-9]+ remote accesses")
  message(FATAL_ERROR "run --access-trace: exit ${rc}:\n${out}\n${err}")
endif()
file(STRINGS ${OUT}/trace/remote.tsv lines)
list(GET lines 0 header)
if(NOT header STREQUAL "time_ps\top\taddr\tsize\tname\tflags\tvalue\tsite")
  message(FATAL_ERROR "header: ${header}")
endif()
# The wait for DRIVER_OK (the status invalidated, then read), a message taken from vring1's avail
# ring, the echo's buffer flushed: named by field and by the model's site.
foreach(pattern "\tclean\\+invalidate\t0x200c6[0-9a-f]+\t64\trsc\\.[^\t]*\t-\t-\trsc_status_invalidate"
                "\tread\t0x200c6[0-9a-f]+\t1\trsc\\.vdev\\.status\tcached\t0x07\t-"
                "\tread\t0x200c9[0-9a-f]+\t2\tvring1\\.avail\\.ring\\[0\\]\tcached\t"
                "\tclean\t0x200c[a-f][0-9a-f]+\t512\tbuf\\[0\\]\\.hdr\\.src\t-\t-\ttx_buffer_flush")
  string(REGEX MATCH "${pattern}" found "${lines}")
  if(NOT found)
    message(FATAL_ERROR "no line matches '${pattern}' in ${OUT}/trace/remote.tsv")
  endif()
endforeach()

execute_process(COMMAND ${IPCSIM} run ${SCENARIO} --seeds 2 --access-trace ${OUT}/seeds.tsv
                        --out ${OUT}/seeds
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "record one run")
  message(FATAL_ERROR "--seeds with --access-trace: exit ${rc}:\n${out}\n${err}")
endif()
