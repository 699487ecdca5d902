// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the Zephyr sample applications tell the message ledger (DESIGN §5, two levels): a message
// reaches them through their endpoint callback, which the stack reports itself; these keep
// messages past the callback (a slot, a queue, a held buffer), so they report what became of
// each one: kept, consumed by the thread, or lost and why. A message is named by the endpoint it
// arrived on and its payload as the application holds it; the ledger finds it from those.
// Also printk, which the applications print through.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sw/hal/hal.h"

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

/// printk: formats like printf and prints on the console when `enabled` (each character costs
/// its time on the wire).
void zephyr_printk(hal::Hal& hal, bool enabled, const char* fmt, ...)
    __attribute__((format(printf, 3, 4)));

} // namespace sim::sw::apps
