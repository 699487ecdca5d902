// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/device_tree_view.h"

namespace sim::app {

sw::PlatformInfo device_tree_view(const models::BoardConfig& b, Side side, std::uint64_t seed) {
  sw::PlatformInfo info;
  info.side = side;
  const models::MailboxTerminalConfig& t = b.mailbox.terminal(side);
  info.mailbox_base = t.base;
  info.mailbox_irq_rx = t.irq_rx;
  info.mailbox_irq_tx = t.irq_tx;
  for (const models::CarveoutConfig& c : b.carveouts) {
    info.carveouts[c.name] = {c.base, c.size};
    if (c.rsc_offset) {
      info.rsc_offset = *c.rsc_offset;
      info.rsc_size = *c.rsc_size;
    }
  }
  info.seed = seed;
  return info;
}

} // namespace sim::app
