// SPDX-License-Identifier: Apache-2.0
#include "sw/linux/tcc_mbox_controller.h"

#include <cstdio>

namespace sim::sw::lnx {
namespace {

std::string mbox_dev_name(std::uint64_t base) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%llx.mbox", static_cast<unsigned long long>(base));
  return buf;
}

} // namespace

TccMboxController::TccMboxController(hal::Hal& hal, const PlatformInfo& info,
                                     const LinuxOptions& options, Printk& printk,
                                     LinuxStatus& status)
    : hal_(hal), info_(info), core_(options.core), status_(status),
      dev_name_(mbox_dev_name(info.mailbox_base)), mbox_(hal, info.mailbox_base),
      chan_(printk, dev_name_, options.mbox_tx_queue_len) {
  chan_.set_send_data([this](const MboxMessage& m) { return send_data(m); });
}

void TccMboxController::probe() {
  hal::Os& os = hal_.os();
  rx_wake_ = &os.semaphore("irq/" + std::to_string(info_.mailbox_irq_rx) + "-mbox-rx", 0, 1);
  tx_wake_ = &os.semaphore("irq/" + std::to_string(info_.mailbox_irq_tx) + "-mbox-tx", 0, 1);
  os.irq_connect(
      info_.mailbox_irq_rx, [this] { rx_hardirq(); }, core_);
  os.irq_connect(
      info_.mailbox_irq_tx, [this] { tx_hardirq(); }, core_);
  const std::string rx_name = "irq/" + std::to_string(info_.mailbox_irq_rx) + "-" + dev_name_;
  const std::string tx_name = "irq/" + std::to_string(info_.mailbox_irq_tx) + "-" + dev_name_;
  os.spawn({rx_name, kIrqThreadPriority, false, core_}, [this] { rx_thread(); });
  os.spawn({tx_name, kIrqThreadPriority, false, core_}, [this] { tx_thread(); });
}

MboxChan& TccMboxController::request_channel() {
  mbox_.startup();
  hal_.os().irq_enable(info_.mailbox_irq_rx, true);
  hal_.os().irq_enable(info_.mailbox_irq_tx, true);
  return chan_;
}

int TccMboxController::send_data(const MboxMessage& msg) {
  const int err = mbox_.send(msg.cmd, msg.cmd_len);
  if (err == TccMbox::kBusy) ++status_.mbox_tx_busy;
  return err;
}

void TccMboxController::rx_hardirq() {
  // IRQ_WAKE_THREAD only when the RX FIFO holds something (IRQ_NONE otherwise).
  if (mbox_.rx_irq()) rx_wake_->give();
}

void TccMboxController::tx_hardirq() {
  if (mbox_.tx_done_irq()) tx_wake_->give();
}

void TccMboxController::rx_thread() {
  for (;;) {
    rx_wake_->take(hal::kForever);
    std::uint32_t words[TccMbox::kMaxCmdWords];
    const std::size_t n = mbox_.receive(words, TccMbox::kMaxCmdWords);
    status_.mbox_rx_words += n;
    // The driver hands the message to the client first, then unmasks the RX interrupt (§2.5).
    if (n > 0) chan_.received(words, n);
    mbox_.rx_irq_enable();
  }
}

void TccMboxController::tx_thread() {
  for (;;) {
    tx_wake_->take(hal::kForever);
    // Wait for the data FIFO too (kicks never use it, so this is one status read).
    const hal::SimTime deadline = hal_.now() + 600 * hal::kSec;
    while (!mbox_.tx_empty() && hal_.now() < deadline) hal_.busy_wait(hal::kUs);
    chan_.txdone(0);
  }
}

} // namespace sim::sw::lnx
