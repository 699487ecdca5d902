// SPDX-License-Identifier: Apache-2.0
#pragma once
// SystemC version portability. SC_HAS_PROCESS is deprecated in SystemC 3 (and its warning breaks a
// -Werror build), so modules use SIM_HAS_PROCESS instead.

#include <systemc>

#if SC_VERSION_MAJOR < 3
#define SIM_HAS_PROCESS(T) SC_HAS_PROCESS(T)
#else
#define SIM_HAS_PROCESS(T)
#endif
