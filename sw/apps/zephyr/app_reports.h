// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the Zephyr sample applications tell the message ledger (DESIGN §5, two levels): a message
// reaches them through their endpoint callback, which the stack reports itself; these keep
// messages past the callback (a slot, a queue, a held buffer), so they report what became of
// each one: kept, consumed by the thread, or lost and why. A message is named by the endpoint it
// arrived on and its payload as the application holds it; the ledger finds it from those.
// Also their log statements, which go through the image's logging.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "sw/hal/hal.h"
#include "sw/zephyr/zephyr.h"

namespace sim::sw::apps {

/// The application keeps the message that arrived on endpoint `ept` in `where`.
inline void report_held(hal::Hal& hal, std::uint32_t ept, const void* data, std::size_t len,
                        std::string_view where) {
  hal::ProbeEvent e = hal::app_event(hal::ProbeKind::kAppHeld, ept, data, len);
  e.name = where;
  hal.probe(e);
}

/// The application's thread took the message.
inline void report_consumed(hal::Hal& hal, std::uint32_t ept, const void* data, std::size_t len) {
  hal.probe(hal::app_event(hal::ProbeKind::kAppConsumed, ept, data, len));
}

/// The application lost a message it kept in `where` (hal/drop_reasons.h).
inline void report_dropped(hal::Hal& hal, std::uint32_t ept, const void* data, std::size_t len,
                           std::string_view where, std::string_view reason) {
  hal::ProbeEvent e = hal::app_event(hal::ProbeKind::kAppDropped, ept, data, len);
  e.name = where;
  e.reason = reason;
  hal.probe(e);
}

/// The application's callback refuses the message it is handling: it never keeps it.
inline void report_refused(hal::Hal& hal, std::uint32_t ept, const void* data, std::size_t len,
                           std::string_view reason) {
  hal::ProbeEvent e = hal::app_event(hal::ProbeKind::kAppDropped, ept, data, len);
  e.reason = reason;
  hal.probe(e);
}

/// A log statement of an application (LOG_INF / LOG_ERR in Zephyr 3.7's sample, printk before)
/// through the image's logging (`logger`; plain printk when null), when the console is
/// `enabled`. `arguments` (after the format) and `copied` (the lengths of the strings the
/// package copies) size the deferred message. The text has no newline.
void zephyr_log(hal::Hal& hal, zephyr::Logger* logger, bool enabled, zephyr::logging::Level level,
                unsigned arguments, std::vector<std::size_t> copied, const char* fmt, ...)
    __attribute__((format(printf, 7, 8)));

} // namespace sim::sw::apps
