// SPDX-License-Identifier: Apache-2.0
#pragma once
// A Zephyr IPM driver for the Telechips v2 mailbox terminal, as one would be written for the
// TCC807x (tcc807x-mailbox.md §3; no public driver exists). ipm_set_enabled(1) raises the
// terminal-ready handshake (OPPOSITE_STS = 1) and enables the RX interrupt with ILEVEL = NEMP; the
// ISR drains the RX command FIFO and calls the registered callback with id = cmd[0]; ipm_send with
// wait = 0 returns -EBUSY while the previous message is still in the TX FIFO, otherwise writes the
// id and sets OEN; OEN drops in the TX-done interrupt once the peer drained the FIFO. One command
// word per message, no data words (the RPMsg kick carries only the vring notify id).
// Not modelled: ipm_send with wait != 0, the data FIFO, max_data_size_get/max_id_val_get.

#include <cstdint>
#include <functional>
#include <memory>

#include "sw/drivers/tcc_mbox.h"
#include "sw/hal/hal.h"
#include "sw/platform_info.h"

namespace sim::sw::zephyr {

class IpmTcc {
public:
  using Callback = std::function<void(std::uint32_t id)>;

  IpmTcc(hal::Hal& hal, const PlatformInfo& info);

  /// ipm_register_callback: runs in interrupt context.
  void register_callback(Callback cb) { callback_ = std::move(cb); }
  /// ipm_set_enabled(1): handshake, RX interrupt, both interrupt lines connected and enabled.
  /// The handler the OS keeps holds `owner` (the image this device belongs to): in the real
  /// firmware both are static data, alive for as long as the interrupt can fire.
  void enable(std::shared_ptr<const void> owner);
  /// ipm_send(dev, 0, id, NULL, 0): 0, or -EBUSY (TccMbox::kBusy).
  int send(std::uint32_t id);

  std::uint64_t interrupts() const { return interrupts_; }

private:
  void isr();

  hal::Hal& hal_;
  const PlatformInfo& info_;
  TccMbox mbox_;
  Callback callback_;
  std::uint64_t interrupts_ = 0;
};

} // namespace sim::sw::zephyr
