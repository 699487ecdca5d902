# The arrows of docs/architecture.md, checked on every #include: sw/ sees neither models/ nor
# sim/, models/ does not see sim/, and each room of sim/ includes only the rooms it points to.
# Run as: cmake -DROOT=<source dir> -P architecture_includes.cmake

cmake_minimum_required(VERSION 3.18)

# Room -> the rooms it may include (itself always).
set(allowed_artefacts "")
set(allowed_ledger "")
set(allowed_scenario "artefacts")
set(allowed_run "scenario;ledger;artefacts")
set(allowed_report "run;scenario;ledger")
set(allowed_check "artefacts")
set(allowed_port "scenario;artefacts")
set(allowed_cli "artefacts;ledger;scenario;run;report;check;port")
set(rooms artefacts ledger scenario run report check port cli)

set(problems "")
file(GLOB_RECURSE sources RELATIVE ${ROOT} ${ROOT}/sw/*.h ${ROOT}/sw/*.cpp ${ROOT}/models/*.h
     ${ROOT}/models/*.cpp ${ROOT}/sim/*.h ${ROOT}/sim/*.cpp)
foreach(file IN LISTS sources)
  file(STRINGS ${ROOT}/${file} includes REGEX "^#include \"(sw|models|sim)/")
  string(REGEX MATCH "^[a-z]+" layer "${file}")
  set(room "")
  if(layer STREQUAL "sim")
    string(REGEX MATCH "^sim/([a-z_]+)/" _ "${file}")
    set(room "${CMAKE_MATCH_1}")
    if(NOT room IN_LIST rooms)
      list(APPEND problems "${file}: sim/ keeps its code in rooms (${rooms})")
      continue()
    endif()
  endif()
  foreach(line IN LISTS includes)
    string(REGEX MATCH "\"([a-z]+)/([a-z_]+)" _ "${line}")
    set(target_layer "${CMAKE_MATCH_1}")
    set(target_room "${CMAKE_MATCH_2}")
    if(layer STREQUAL "sw" AND NOT target_layer STREQUAL "sw")
      list(APPEND problems "${file}: the software layer includes ${line}")
    elseif(layer STREQUAL "models" AND target_layer STREQUAL "sim")
      list(APPEND problems "${file}: a model includes ${line}")
    elseif(layer STREQUAL "sim" AND target_layer STREQUAL "sim" AND NOT target_room STREQUAL room
           AND NOT target_room IN_LIST allowed_${room})
      list(APPEND problems "${file}: room '${room}' includes ${line} (allowed: ${allowed_${room}})")
    endif()
  endforeach()
endforeach()

list(LENGTH sources count)
if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "include arrows broken:\n  ${text}")
endif()
message(STATUS "${count} files keep to the arrows")
