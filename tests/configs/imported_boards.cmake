cmake_minimum_required(VERSION 3.19) # quoted arguments are not variables
# Runs configs/imported/generate.sh into OUT and compares each board with the committed one.
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND bash ${GENERATE} ${IPCSIM} ${OUT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "generate.sh exited ${rc}:\n${out}\n${err}")
endif()
file(GLOB boards ${EXPECTED}/*.yaml)
list(LENGTH boards n)
if(n LESS 3)
  message(FATAL_ERROR "expected the imported boards in ${EXPECTED}, found ${n}")
endif()
foreach(board ${boards})
  get_filename_component(name ${board} NAME)
  # The first line is the editor modeline: its relative path depends on where the file is.
  file(STRINGS ${board} want)
  file(STRINGS ${OUT}/${name} got)
  list(REMOVE_AT want 0)
  list(REMOVE_AT got 0)
  if(NOT want STREQUAL got)
    message(FATAL_ERROR "${name}: importing again gives a different board:\n${got}")
  endif()
endforeach()
