# Software under sw/ may use only the HAL (sw/hal) and the rest of sw/, plus the C++ standard
# library: no SystemC, no TLM, nothing from models/ or sim/, no third-party library. SystemC's
# headers sit on the compiler's default include path on Debian, so the build alone cannot stop
# `#include <systemc>`; this test does. Standard headers are recognised as <name> without a path.
file(GLOB_RECURSE sources "${SW_DIR}/*.h" "${SW_DIR}/*.cpp")
set(bad "")
foreach(f ${sources})
  file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line ${lines})
    string(REGEX MATCH "[<\"][^>\"]*[>\"]" inc "${line}")
    if(inc MATCHES "^\"sw/")
      continue()
    endif()
    if(inc MATCHES "^<[A-Za-z0-9_]+>$" AND NOT inc MATCHES "^<(systemc|tlm|sysc)")
      continue()
    endif()
    file(RELATIVE_PATH rel "${SW_DIR}/.." "${f}")
    list(APPEND bad "${rel}: #include ${inc}")
  endforeach()
endforeach()
list(LENGTH sources n)
if(n LESS 20)
  message(FATAL_ERROR "only ${n} files under ${SW_DIR}: wrong directory?")
endif()
if(bad)
  string(REPLACE ";" "\n  " text "${bad}")
  message(FATAL_ERROR "software outside the HAL's reach (sw/ may include only sw/ and the "
                      "standard library):\n  ${text}")
endif()
