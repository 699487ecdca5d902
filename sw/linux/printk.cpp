// SPDX-License-Identifier: Apache-2.0
#include "sw/linux/printk.h"

#include <cstdarg>
#include <cstdio>
#include <vector>

namespace sim::sw::lnx {

std::string Printk::timestamp(hal::SimTime t) {
  const unsigned long long us = t / hal::kUs;
  return format("[%5llu.%06llu] ", us / 1000000ull, us % 1000000ull);
}

void Printk::print(KernLevel level, std::string_view text) {
  std::string line = timestamp(hal_.now());
  line.append(text);
  hal_.log(hal::LogLevel::kDebug, "sw." + hal_.cluster() + ".printk", line);
  hal_.spend(store_cycles_); // vprintk_store: vscnprintf and the log buffer
  if (console_ && static_cast<int>(level) < loglevel_) {
    line.push_back('\n');
    // console_unlock() (kernel/printk/printk.c, 5.10) writes each record through
    // call_console_drivers() between printk_safe_enter_irqsave() and
    // printk_safe_exit_irqrestore(), and pl011_console_write() saves and disables interrupts
    // too: the printing CPU takes no interrupt until the whole line is in the UART.
    const unsigned key = hal_.os().irq_lock();
    hal_.console(line);
    hal_.os().irq_unlock(key);
  }
}

void Printk::dev(KernLevel level, std::string_view driver, std::string_view device,
                 std::string_view text) {
  std::string line;
  line.reserve(driver.size() + device.size() + text.size() + 3);
  line.append(driver).append(" ").append(device).append(": ").append(text);
  print(level, line);
}

std::string format(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  va_list copy;
  va_copy(copy, args);
  const int n = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  std::string out;
  if (n > 0) {
    std::vector<char> buf(static_cast<std::size_t>(n) + 1);
    std::vsnprintf(buf.data(), buf.size(), fmt, args);
    out.assign(buf.data(), static_cast<std::size_t>(n));
  }
  va_end(args);
  return out;
}

} // namespace sim::sw::lnx
