// SPDX-License-Identifier: Apache-2.0
#include "sw/apps/shared_flag.h"

#include <cstdio>

#include "sw/drivers/tcc_mbox.h"

namespace sim::sw::apps {
namespace {

// The program is its own transport: a message is the flag word, published by the store before
// the doorbell and taken by the read after it. It names its channel itself (no name service).
constexpr const char* kChannel = "shared_flag";

hal::ProbeEvent flag_event(hal::ProbeKind kind, std::uint64_t flag_addr,
                           const std::uint32_t& value) {
  hal::ProbeEvent e = hal::message_event(kind, flag_addr, 0, 0, &value, sizeof value);
  e.channel = kChannel;
  e.name = "the flag word";
  return e;
}

void print(hal::Hal& hal, const char* fmt, unsigned round, std::uint32_t value) {
  char line[96];
  std::snprintf(line, sizeof line, fmt, round, static_cast<unsigned>(value));
  hal.console(line);
}

} // namespace

std::uint32_t shared_flag_value(unsigned round) {
  return 0x5afe0000u | (round & 0xffffu);
}

void shared_flag_writer(hal::Hal& hal, const PlatformInfo& info, const SharedFlagOptions& options) {
  hal::Os& os = hal.os();
  TccMbox mbox(hal, info.mailbox_base);
  hal::Semaphore& acked = os.semaphore("shared_flag_ack", 0, 1);
  // Linux-style split: the top half masks the RX interrupt, the thread drains and unmasks.
  mbox.attach(os, info.mailbox_irq_rx, info.mailbox_irq_tx, [&] {
    if (mbox.rx_irq()) acked.give();
  });

  for (unsigned round = 1; round <= options.rounds; ++round) {
    const std::uint32_t value = shared_flag_value(round);
    hal.probe(flag_event(hal::ProbeKind::kTxStart, 0, value));
    hal.write32(options.flag_addr, value);
    hal.barrier();
    hal.probe(flag_event(hal::ProbeKind::kTxPublished, options.flag_addr, value));
    print(hal, "shared_flag: round %u: wrote 0x%08x\n", round, value);
    std::uint32_t doorbell = round;
    while (mbox.send(&doorbell, 1) == TccMbox::kBusy) hal.sleep(1 * hal::kUs);
    if (!acked.take(options.ack_timeout)) {
      hal.console("shared_flag: no answer from the remote\n");
      return;
    }
    std::uint32_t words[TccMbox::kMaxCmdWords];
    mbox.receive(words, TccMbox::kMaxCmdWords);
    mbox.rx_irq_enable();
  }
  hal.console("shared_flag: writer done\n");
}

void shared_flag_reader(hal::Hal& hal, const PlatformInfo& info, const SharedFlagOptions& options) {
  hal::Os& os = hal.os();
  TccMbox mbox(hal, info.mailbox_base);
  hal::Semaphore& doorbell = os.semaphore("shared_flag_doorbell", 0, 1);
  std::uint32_t last_round = 0;
  // Zephyr IPM-style: the ISR drains the FIFO and gives the semaphore.
  mbox.attach(os, info.mailbox_irq_rx, info.mailbox_irq_tx, [&] {
    if (!mbox.rx_irq()) return;
    std::uint32_t words[TccMbox::kMaxCmdWords];
    if (mbox.receive(words, TccMbox::kMaxCmdWords) > 0) last_round = words[0];
    mbox.rx_irq_enable();
    doorbell.give();
  });

  for (unsigned round = 1; round <= options.rounds; ++round) {
    doorbell.take(hal::kForever);
    hal.probe(hal::buffer_event(hal::ProbeKind::kRxTaken, options.flag_addr));
    if (options.invalidate) hal.dcache_invalidate(options.flag_addr, 4, "flag_invalidate");
    const std::uint32_t value = hal.read32(options.flag_addr);
    hal.probe(flag_event(hal::ProbeKind::kRxHanded, options.flag_addr, value));
    print(hal, "shared_flag: round %u: read 0x%08x\n", last_round, value);
    std::uint32_t ack = last_round;
    while (mbox.send(&ack, 1) == TccMbox::kBusy) hal.sleep(1 * hal::kUs);
  }
  hal.console("shared_flag: reader done\n");
}

} // namespace sim::sw::apps
