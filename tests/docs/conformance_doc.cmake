cmake_minimum_required(VERSION 3.19)
# Reruns docs/conformance/generate.sh into OUT and compares it with the committed
# docs/conformance.md. A difference means the model, the firmware or the comparison changed:
# regenerate the document and read what it now says.
execute_process(COMMAND bash ${GENERATE} ${IPCSIM} ${OUT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "generate.sh exited ${rc}:\n${out}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${EXPECTED} ${OUT} RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  execute_process(COMMAND diff -u ${EXPECTED} ${OUT} OUTPUT_VARIABLE diff)
  message(FATAL_ERROR "docs/conformance.md is not what docs/conformance/generate.sh gives now "
                      "(regenerate it and check its text):\n${diff}")
endif()
