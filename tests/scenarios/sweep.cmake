# `ipcsim sweep`: the product of parameter values in parallel runs, the CSV (one row per run),
# the plot (gnuplot), and invalid input refused before anything runs.
set(count_key "master.apps[0].stream.count")
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${IPCSIM} sweep ${SCENARIO} --param ${count_key}=3,10,30,100
                        --param remote.console=true,false
                        --plot ${OUT}/drops.svg --out ${OUT}/runs -j 2
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "sweep exited ${rc}:\n${out}\n${err}")
endif()
# Not a terminal: one plain line per finished run, then the table.
string(REGEX MATCHALL "run [0-9]+/8 " lines "${out}")
list(LENGTH lines n)
if(NOT n EQUAL 8)
  message(FATAL_ERROR "expected 8 progress lines, got ${n}:\n${out}")
endif()

file(STRINGS ${OUT}/runs/sweep.csv rows)
list(LENGTH rows n)
if(NOT n EQUAL 9)
  message(FATAL_ERROR "expected a header and 8 rows in sweep.csv, got ${n}")
endif()
list(GET rows 0 header)
if(NOT header MATCHES "^master\\.apps\\[0\\]\\.stream\\.count,remote\\.console,seed,outcome,expectations_met,expectations,sent,delivered,dropped,")
  message(FATAL_ERROR "unexpected CSV header: ${header}")
endif()
if(NOT header MATCHES ",drops\\.slot_overwritten$")
  message(FATAL_ERROR "the drop reason seen is not a column: ${header}")
endif()
# Rows in sweep order (the last key fastest); the 100-message point with the console is the
# scenario itself, so its row carries the scenario's own numbers: 104 sent (100 requests, 4
# echoes), 6 delivered (45 and 100, each echoed twice), 98 dropped, all 13 expectations met.
list(GET rows 7 row_100)
if(NOT row_100 MATCHES "^100,true,1,completed,13,13,104,6,98,")
  message(FATAL_ERROR "row for count=100 with the console: ${row_100}")
endif()
# Fewer messages, fewer drops: the other points differ from the scenario's expectations.
list(GET rows 1 row_3)
if(NOT row_3 MATCHES "^3,true,1,completed,[0-9]+,13,")
  message(FATAL_ERROR "row for count=3: ${row_3}")
endif()

file(READ ${OUT}/drops.svg svg)
if(NOT svg MATCHES "<svg" OR NOT svg MATCHES "stream_stock: delivered, dropped against")
  message(FATAL_ERROR "drops.svg is not the plot")
endif()
file(READ ${OUT}/drops.dat dat)
foreach(series "delivered (console=true)" "dropped (console=false)")
  string(FIND "${dat}" "\"${series}\"" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "series '${series}' missing from drops.dat:\n${dat}")
  endif()
endforeach()

# Invalid input: exit 2, the key named, nothing run.
execute_process(COMMAND ${IPCSIM} sweep ${SCENARIO} --param master.apps[0].stream.cuont=1,2
                        --out ${OUT}/typo
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "cuont")
  message(FATAL_ERROR "a misspelt key: expected exit 2 naming it, got ${rc}:\n${err}")
endif()
if(EXISTS ${OUT}/typo)
  message(FATAL_ERROR "a sweep with invalid input ran anyway")
endif()
execute_process(COMMAND ${IPCSIM} sweep ${SCENARIO} --param ${count_key}=3 --plot ${OUT}/x.svg
                        --metrics dropped,lost --out ${OUT}/metric
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--metrics lost: not a metric")
  message(FATAL_ERROR "an unknown metric: expected exit 2 naming it, got ${rc}:\n${err}")
endif()
# An unwritable CSV (a folder of that name) or plot: refused before any run.
file(MAKE_DIRECTORY ${OUT}/taken.csv ${OUT}/taken.svg)
execute_process(COMMAND ${IPCSIM} sweep ${SCENARIO} --param ${count_key}=3 --out ${OUT}/nocsv
                        --csv ${OUT}/taken.csv
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--csv .*is a directory" OR EXISTS ${OUT}/nocsv/run-0001)
  message(FATAL_ERROR "an unwritable CSV: expected exit 2 before running, got ${rc}:\n${err}")
endif()
execute_process(COMMAND ${IPCSIM} sweep ${SCENARIO} --param ${count_key}=3 --out ${OUT}/noplot
                        --plot ${OUT}/taken.svg
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--plot .*is a directory" OR EXISTS ${OUT}/noplot/run-0001)
  message(FATAL_ERROR "an unwritable plot: expected exit 2, got ${rc}:\n${err}")
endif()
# Into folders that do not exist yet: they are made (the CSV and the plot with its .dat/.gp).
execute_process(COMMAND ${IPCSIM} sweep ${SCENARIO} --param ${count_key}=3 --out ${OUT}/newdirs
                        --csv ${OUT}/new/csv/x.csv --plot ${OUT}/new/plot/p.svg
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT EXISTS ${OUT}/new/csv/x.csv OR NOT EXISTS ${OUT}/new/plot/p.svg
   OR NOT EXISTS ${OUT}/new/plot/p.dat)
  message(FATAL_ERROR "a sweep into new folders: exit ${rc}, files missing:\n${out}\n${err}")
endif()
execute_process(COMMAND ${IPCSIM} sweep ${SCENARIO} --param ${count_key}=3 --metrics lost
                        --out ${OUT}/nometric
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--metrics lost")
  message(FATAL_ERROR "an unknown metric without --plot: expected exit 2, got ${rc}:\n${err}")
endif()
