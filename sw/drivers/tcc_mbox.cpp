// SPDX-License-Identifier: Apache-2.0
#include "sw/drivers/tcc_mbox.h"

namespace sim::sw {

void TccMbox::startup() {
  ctrl_clear(kOen);
  ctrl_set(kCfFlush | kDfFlush);
  ctrl_clear(kIlevelMask | kIenWrite);
  ctrl_set(kIenRead);
  wr(kOppositeSts, 1);
}

void TccMbox::attach(hal::Os& os, unsigned irq_rx, unsigned irq_tx, std::function<void()> on_rx,
                     unsigned core) {
  os.irq_connect(irq_rx, std::move(on_rx), core);
  os.irq_connect(
      irq_tx, [this] { tx_done_irq(); }, core);
  startup();
  os.irq_enable(irq_rx, true);
  os.irq_enable(irq_tx, true);
}

bool TccMbox::tx_empty() {
  return (rd(kCmdFifoSts) & kTxCmdEmpty) != 0 && (rd(kDatTxSts) & kDatEmpty) != 0;
}

int TccMbox::send(const std::uint32_t* cmd, std::size_t words) {
  if (words == 0 || words > kMaxCmdWords) return -22; // -EINVAL
  if (!tx_empty()) return kBusy;
  for (std::size_t i = 0; i < words; ++i)
    wr(kCmdTxFifo + static_cast<std::uint32_t>(4 * i), cmd[i]);
  ctrl_set(kIclrWrite);
  ctrl_set(kIenWrite);
  ctrl_set(kOen);
  return 0;
}

bool TccMbox::tx_done_irq() {
  if ((rd(kCmdFifoSts) & kTxCmdEmpty) == 0) return false;
  ctrl_set(kIclrWrite);
  ctrl_clear(kOen);
  return true;
}

bool TccMbox::rx_irq() {
  if ((rd(kCmdFifoSts) & kRxCmdEmpty) != 0) return false;
  ctrl_clear(kIenRead);
  hal_.probe(hal::signal_event(hal::ProbeKind::kRxIsr));
  return true;
}

std::size_t TccMbox::receive(std::uint32_t* cmd, std::size_t max) {
  std::uint32_t sts = rd(kCmdFifoSts);
  std::size_t count = (sts >> 20) & 0xf;
  std::size_t n = 0;
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t word = rd(kCmdRxFifo + static_cast<std::uint32_t>(4 * (i % kMaxCmdWords)));
    if (n < max) cmd[n++] = word; // words beyond the buffer are read and dropped, like the driver
  }
  return n;
}

void TccMbox::rx_irq_enable() {
  ctrl_set(kIenRead);
}

bool TccMbox::peer_ready() {
  return (rd(kOppositeSts) & (1u << 16)) != 0;
}

} // namespace sim::sw
