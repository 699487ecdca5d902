// SPDX-License-Identifier: Apache-2.0
// The Zephyr applications' log statements (the report_* helpers are inline in the header).
#include <cstdarg>
#include <cstdio>
#include <string>
#include <vector>

#include "sw/apps/zephyr/app_reports.h"

namespace sim::sw::apps {

void zephyr_log(hal::Hal& hal, zephyr::Logger* logger, bool enabled, zephyr::logging::Level level,
                unsigned arguments, std::vector<std::size_t> copied, const char* fmt, ...) {
  if (!enabled) return;
  std::va_list args;
  va_start(args, fmt);
  std::va_list copy;
  va_copy(copy, args);
  const int n = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  std::string text;
  if (n > 0) {
    std::vector<char> line(static_cast<std::size_t>(n) + 1);
    std::vsnprintf(line.data(), line.size(), fmt, args);
    text.assign(line.data(), static_cast<std::size_t>(n));
  }
  va_end(args);
  if (logger == nullptr) {
    hal.console(text + "\n");
    return;
  }
  zephyr::LogCall call;
  call.level = level;
  call.text = std::move(text);
  call.arguments = arguments;
  call.copied_strings = std::move(copied);
  logger->log(call);
}

} // namespace sim::sw::apps
