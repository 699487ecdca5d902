// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Linux mailbox-tcc v2 controller driver around sw/drivers/tcc_mbox.h (tcc807x-mailbox.md
// §2.5), with the interrupt structure of devm_request_threaded_irq:
// - RX: the hard handler masks IEN_READ (TccMbox::rx_irq) and wakes the RX thread; the thread
//   drains the command words, passes them to mbox_chan_received_data, then unmasks IEN_READ.
// - TX-done: the hard handler acknowledges the latch and drops OEN (TccMbox::tx_done_irq) and
//   wakes the TX thread; the thread polls the TX data FIFO empty (1 us steps, 600 s limit) and
//   calls mbox_chan_txdone.
// Interrupt threads are SCHED_FIFO kthreads: more urgent than any normal kernel thread. Their
// wake-up is a bit (IRQTF_RUNTHREAD), so it is a binary semaphore here.
// One channel (num_chans = 1), as on the v2 controller.

#include <cstdint>
#include <string>

#include "sw/drivers/tcc_mbox.h"
#include "sw/linux/linux.h"
#include "sw/linux/mbox_chan.h"
#include "sw/linux/printk.h"

namespace sim::sw::lnx {

/// Priority of interrupt threads (SCHED_FIFO 50) and of normal kernel threads (SCHED_NORMAL):
/// the OS model's lower number is more urgent.
inline constexpr int kIrqThreadPriority = 10;
inline constexpr int kKthreadPriority = 20;

class TccMboxController {
public:
  TccMboxController(hal::Hal& hal, const PlatformInfo& info, const LinuxOptions& options,
                    Printk& printk, LinuxStatus& status);

  /// Platform probe: interrupt handlers and threads installed (lines stay disabled).
  void probe();
  /// mbox_request_channel: the controller's startup (flush, IEN_READ, ready), interrupts on.
  MboxChan& request_channel();

  /// "17470000.mbox": the device name in dev_err lines.
  const std::string& dev_name() const { return dev_name_; }

private:
  int send_data(const MboxMessage& msg);
  void rx_hardirq();
  void tx_hardirq();
  void rx_thread();
  void tx_thread();

  hal::Hal& hal_;
  PlatformInfo info_;
  unsigned core_;
  LinuxStatus& status_;
  std::string dev_name_;
  TccMbox mbox_;
  MboxChan chan_;
  hal::Semaphore* rx_wake_ = nullptr;
  hal::Semaphore* tx_wake_ = nullptr;
};

} // namespace sim::sw::lnx
