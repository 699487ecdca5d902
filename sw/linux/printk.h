// SPDX-License-Identifier: Apache-2.0
#pragma once
// printk as the rest of the Linux model sees it: a kernel log line with the dmesg timestamp
// ("[   12.345678] remoteproc remoteproc0: ..."), printed on the serial console when its level is
// below console_loglevel. The console is synchronous, as a polled 8250/PL011 console is in the
// printing context: the caller pays every character's time on the wire (115200 Bd: ~87 us per
// character), which is a first-order effect on message rates. Every line, printed or not, also
// goes to the simulator log at debug level (no simulated cost), so a quiet boot stays traceable.
// Not modelled: the log buffer and deferred console flushing by another CPU.

#include <string>
#include <string_view>

#include "sw/hal/hal.h"

namespace sim::sw::lnx {

/// KERN_* levels (lower is more urgent).
enum class KernLevel : int { kErr = 3, kWarn = 4, kInfo = 6, kDebug = 7 };

class Printk {
public:
  Printk(hal::Hal& hal, bool console, int console_loglevel)
      : hal_(hal), console_(console), loglevel_(console_loglevel) {}

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
};

/// printf-style formatting into a std::string (the kernel's format strings, our own buffer).
std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

} // namespace sim::sw::lnx
