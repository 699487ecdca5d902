// SPDX-License-Identifier: Apache-2.0
#pragma once
// FakeBoard: the reference board (configs/tcc807x.yaml) for software tests without SystemC. Two
// HALs, "master" (Linux) and "remote" (Zephyr), each with its own FakeOs, share one virtual clock
// and ONE flat memory, and reach the TCC807x mailbox through its pure core (MailboxLink) at their
// terminal addresses: master = terminal B at 0x1747_0000, remote = terminal A at 0x1746_0000, as
// models/platform wires it. The terminals' RX / TX-done levels drive the owning side's FakeOs
// interrupt lines (the board's irq_rx / irq_tx numbers).
//
// What is not modelled: caches (maintenance is recorded by FakeHal and has no effect, so a
// coherency bug cannot show here), MMU attributes and faults (every address is plain memory; an
// MMIO address outside the mailbox windows is FakeHal's register map), memory and mailbox
// latencies (software runs in zero virtual time; spend/busy_wait/sleep/timeouts advance it), the
// UART (console text is recorded), OS costs. It tests protocol logic, not timing.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "models/mailbox/mailbox_link.h"
#include "models/platform/board_config.h"
#include "sw/platform_info.h"
#include "tests/support/fake_hal.h"
#include "tests/support/fake_os.h"

namespace sim::test {

/// A FakeHal whose time, OS and polls are a FakeOs, whose memory is shared, and whose MMIO
/// reaches mailbox terminals. Every call first lets the FakeOs serve interrupts and preemption.
class BoardHal : public FakeHal {
public:
  struct MailboxWindow {
    hal::Addr base;
    models::Terminal terminal;
  };

  BoardHal(std::string cluster, hal::SimTime cycle_ps, std::shared_ptr<FakeMemory> memory,
           FakeOs& os, models::MailboxLink& mailbox, std::vector<MailboxWindow> windows);

  FakeOs& fake_os() { return os_; }

  std::uint8_t read8(hal::Addr addr) override;
  std::uint16_t read16(hal::Addr addr) override;
  std::uint32_t read32(hal::Addr addr) override;
  std::uint64_t read64(hal::Addr addr) override;
  void write8(hal::Addr addr, std::uint8_t value) override;
  void write16(hal::Addr addr, std::uint16_t value) override;
  void write32(hal::Addr addr, std::uint32_t value) override;
  void write64(hal::Addr addr, std::uint64_t value) override;
  void read(hal::Addr addr, void* dst, std::size_t len) override;
  void write(hal::Addr addr, const void* src, std::size_t len) override;
  std::uint32_t mmio_read32(hal::Addr addr) override;
  void mmio_write32(hal::Addr addr, std::uint32_t value) override;
  void dcache_clean(hal::Addr addr, std::size_t len, const char* site) override;
  void dcache_invalidate(hal::Addr addr, std::size_t len, const char* site) override;
  void dcache_clean_invalidate(hal::Addr addr, std::size_t len, const char* site) override;
  void barrier() override;
  hal::SimTime now() override;
  void spend(std::uint64_t cycles) override;
  void busy_wait(hal::SimTime duration) override;
  void sleep(hal::SimTime duration) override;
  bool poll(hal::Addr addr, std::size_t len, const std::function<bool()>& condition,
            hal::SimTime timeout) override;
  void console(std::string_view text) override;
  hal::Os& os() override { return os_; }
  [[noreturn]] void panic(std::string_view reason) override;

protected:
  std::string probe_thread() override { return os_.current_thread(); }

private:
  const MailboxWindow* window(hal::Addr addr) const;
  void written(hal::Addr addr, std::size_t len) { os_.scheduler().touched(addr, len); }

  FakeOs& os_;
  models::MailboxLink& mailbox_;
  std::vector<MailboxWindow> windows_;
};

class FakeBoard {
public:
  /// Reads configs/tcc807x.yaml (addresses, interrupt numbers, carve-outs, cores, clocks).
  FakeBoard();
  /// Unwinds every simulated thread before anything they use goes away.
  ~FakeBoard();
  FakeBoard(const FakeBoard&) = delete;
  FakeBoard& operator=(const FakeBoard&) = delete;

  BoardHal& hal(Side side) { return side == Side::kMaster ? master_ : remote_; }
  FakeOs& os(Side side) { return hal(side).fake_os(); }
  /// What each side's software is told about the board (its device tree, in effect).
  const sw::PlatformInfo& info(Side side) const {
    return side == Side::kMaster ? master_info_ : remote_info_;
  }
  const models::BoardConfig& config() const { return board_; }
  FakeScheduler& scheduler() { return scheduler_; }
  models::MailboxLink& mailbox() { return mailbox_; }

  /// Writes bytes straight into memory, as a boot loader leaves an image (no simulated cost).
  void load(std::uint64_t addr, const std::vector<std::uint8_t>& bytes);
  std::vector<std::uint8_t> peek(std::uint64_t addr, std::size_t len) const;
  template <typename T> T peek_le(std::uint64_t addr) const {
    T v;
    memory_->peek(addr, &v, sizeof(T));
    return v;
  }

  /// Hands both clusters' probes to `sink`, and the mailbox's sends and RX interrupt levels to
  /// `kick` and `rx_irq` (a message ledger's inputs, as the platform gives them).
  using KickListener = std::function<void(Side sender, bool delivered, hal::SimTime)>;
  using RxIrqListener = std::function<void(Side receiver, bool level, hal::SimTime)>;
  void observe(models::ProbeSink* sink, KickListener kick, RxIrqListener rx_irq);

  /// Starts `entry` on a new thread of `side` (its main / init thread).
  void boot(Side side, const hal::ThreadSpec& spec, std::function<void(hal::Hal&)> entry);
  void run_until(hal::SimTime t) { scheduler_.run_until(t); }
  void run_for(hal::SimTime d) { scheduler_.run_for(d); }
  hal::SimTime now() const { return scheduler_.now(); }

private:
  models::BoardConfig board_;
  FakeScheduler scheduler_; ///< before the OSes: it must outlive them
  std::shared_ptr<FakeMemory> memory_;
  models::MailboxLink mailbox_;
  KickListener kick_listener_;
  RxIrqListener rx_irq_listener_;
  FakeOs master_os_;
  FakeOs remote_os_;
  BoardHal master_;
  BoardHal remote_;
  sw::PlatformInfo master_info_;
  sw::PlatformInfo remote_info_;
};

} // namespace sim::test
