// SPDX-License-Identifier: Apache-2.0
#pragma once
// printk as the rest of the Linux model sees it (kernel/printk/printk.c, v5.10): every line is
// formatted and stored in the log buffer (vprintk_store: the caller pays `store_cycles`, an
// inferred cost), and reaches the serial console only when its level is below console_loglevel
// (the kernel's `loglevel=`; `quiet` makes it 4, so dev_info lines stay in dmesg). The console
// is synchronous in v5.10: the caller that takes console_sem prints the line in its own
// context, as a polled 8250/PL011 console does, paying every character's time on the wire
// (115200 Bd: ~87 us per character), a first-order effect on message rates. Every line, printed
// or not, also goes to the simulator log at debug level (no simulated cost), so a quiet boot
// stays traceable. Not modelled: the log buffer's size (lines are never lost from it here) and
// another CPU printing a line for its caller (console_unlock's hand-over).

#include <cstdint>
#include <string>
#include <string_view>

#include "sw/hal/hal.h"

namespace sim::sw::lnx {

/// KERN_* levels (lower is more urgent).
enum class KernLevel : int { kErr = 3, kWarn = 4, kInfo = 6, kDebug = 7 };

class Printk {
public:
  Printk(hal::Hal& hal, bool console, int console_loglevel, std::uint64_t store_cycles)
      : hal_(hal), console_(console), loglevel_(console_loglevel), store_cycles_(store_cycles) {}

  /// One line (the newline is added).
  void print(KernLevel level, std::string_view text);
  /// dev_printk: "<driver> <device>: <text>".
  void dev(KernLevel level, std::string_view driver, std::string_view device,
           std::string_view text);

  /// "[%5lu.%06lu] " of `t`.
  static std::string timestamp(hal::SimTime t);

private:
  hal::Hal& hal_;
  bool console_;
  int loglevel_;
  std::uint64_t store_cycles_;
};

/// printf-style formatting into a std::string (the kernel's format strings, our own buffer).
std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

} // namespace sim::sw::lnx
