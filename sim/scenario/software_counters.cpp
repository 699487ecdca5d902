// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/software_counters.h"

namespace sim::app {

Counters linux_counters(const sw::lnx::LinuxStatus& s) {
  return {{"attached", s.attached ? 1 : 0},
          {"rpmsg_online", s.rpmsg_online ? 1 : 0},
          {"channels_created", s.channels_created.size()},
          {"channels_destroyed", s.channels_destroyed.size()},
          {"kicks_sent", s.kicks_sent},
          {"kicks_lost", s.kicks_lost},
          {"mbox_tx_busy", s.mbox_tx_busy},
          {"mbox_rx_words", s.mbox_rx_words},
          {"tx_messages", s.tx_messages},
          {"rx_messages", s.rx_messages},
          {"tx_timeouts", s.tx_timeouts},
          {"rx_no_recipient", s.rx_no_recipient},
          {"rx_too_big", s.rx_too_big},
          {"rx_no_used_buffer", s.rx_no_used_buffer},
          {"vq_interrupts", s.vq_interrupts},
          {"vq_no_work", s.vq_no_work},
          {"vq_broken", s.vq_broken ? 1 : 0}};
}

Counters zephyr_counters(const sw::zephyr::ZephyrStatus& s) {
  return {{"driver_ok_seen", s.driver_ok_seen ? 1 : 0},
          {"rpmsg_ready", s.rpmsg_ready ? 1 : 0},
          {"ipm_interrupts", s.ipm_interrupts},
          {"kicks_sent", s.kicks_sent},
          {"kicks_lost", s.kicks_lost},
          {"rx_buffers", s.rx_buffers},
          {"tx_buffers", s.tx_buffers},
          {"tx_buffer_waits", s.tx_buffer_waits},
          {"tx_truncated", s.tx_truncated},
          {"rx_no_endpoint", s.rx_no_endpoint},
          {"null_buffer_invalidates", s.null_buffer_invalidates},
          {"log_messages", s.log_messages},
          {"log_dropped", s.log_dropped},
          {"log_lines", s.log_lines},
          {"bad_buffer_addresses", s.bad_buffer_addresses}};
}

std::vector<std::string> counter_names(Stack stack) {
  const Counters c = stack == Stack::kLinux ? linux_counters({}) : zephyr_counters({});
  std::vector<std::string> names;
  for (const auto& [name, value] : c) names.push_back(name);
  return names;
}

} // namespace sim::app
