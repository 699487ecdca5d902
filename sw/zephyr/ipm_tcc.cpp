// SPDX-License-Identifier: Apache-2.0
#include "sw/zephyr/ipm_tcc.h"

namespace sim::sw::zephyr {

IpmTcc::IpmTcc(hal::Hal& hal, const PlatformInfo& info)
    : hal_(hal), info_(info), mbox_(hal, info.mailbox_base) {}

void IpmTcc::enable(std::shared_ptr<const void> owner) {
  mbox_.attach(hal_.os(), info_.mailbox_irq_rx, info_.mailbox_irq_tx,
               [this, owner = std::move(owner)] { isr(); });
}

void IpmTcc::isr() {
  // The line is level-triggered: mask, drain the command FIFO (which drops the level), unmask.
  if (!mbox_.rx_irq()) return;
  std::uint32_t words[TccMbox::kMaxCmdWords];
  const std::size_t n = mbox_.receive(words, TccMbox::kMaxCmdWords);
  mbox_.rx_irq_enable();
  ++interrupts_;
  if (n > 0 && callback_) callback_(words[0]);
}

int IpmTcc::send(std::uint32_t id) {
  return mbox_.send(&id, 1);
}

} // namespace sim::sw::zephyr
