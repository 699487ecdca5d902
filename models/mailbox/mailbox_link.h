// SPDX-License-Identifier: Apache-2.0
#pragma once
// MailboxLink: the behaviour of one TCC807x v2 mailbox (pure C++, no SystemC).
//
// Role: two terminals, A and B, each with its own 0x100 register window (on TCC807x A is the MP
// view at 0x1746_0000 and B the SP view at 0x1747_0000; the link itself knows no addresses). Per
// direction there is an 8-word command FIFO and a 128-word data FIFO shared by both ends: the
// sender pushes through its TX registers, the peer pops the same queue through its RX registers
// (reference/tcc807x-mailbox.md §7.2). Each terminal has CTRL, a ready bit and a TX-done latch,
// and two level interrupts, RX and TX-done. Registers are declared once in a RegisterBank table
// per terminal (names and doc strings from the reference); side effects live in hooks and the IRQ
// levels are recomputed in one update() after every access, reads included (pops are reads).
//
// Timing: none here; the SystemC shell (TccMailbox) adds the access and interrupt latencies.
// Not modelled: the v1 (TCC803x) register subset, the CTRL TEST bit (stored, no effect), the
// unused offsets 0x48-0x4C, 0x58-0x5C, 0x64-0x6C and the [UNK] range 0x80-0xFF (address errors).
// Inferred behaviours are MailboxConfig options.

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "models/common/regs/register_bank.h"
#include "models/mailbox/mailbox_config.h"
#include "models/mailbox/mailbox_stats.h"
#include "models/mailbox/word_fifo.h"

namespace sim::models {

enum class Terminal : unsigned { kA = 0, kB = 1 };
/// Fault injection on one sent message (scenario `faults: - mailbox: ...`).
enum class KickFault { kDrop, kDuplicate, kDelay };
enum class IrqKind : unsigned { kRx = 0, kTx = 1 };

inline constexpr Terminal peer_of(Terminal t) {
  return t == Terminal::kA ? Terminal::kB : Terminal::kA;
}
const char* terminal_name(Terminal t); ///< "a" or "b"

class MailboxLink {
public:
  /// Called from update() whenever an interrupt level changes, in the order of the changes.
  using IrqCallback = std::function<void(Terminal, IrqKind, bool level)>;

  /// Throws std::invalid_argument for depths the status fields cannot report.
  explicit MailboxLink(const MailboxConfig& config = MailboxConfig());
  MailboxLink(const MailboxLink&) = delete;
  MailboxLink& operator=(const MailboxLink&) = delete;

  /// Register access by terminal; only aligned 32-bit accesses exist (others: kSizeError).
  regs::Status read(Terminal t, std::uint32_t offset, std::uint32_t& value, unsigned size = 4);
  regs::Status write(Terminal t, std::uint32_t offset, std::uint32_t value, unsigned size = 4);
  /// Debug read: what read() would return, with no pop, no statistics, no IRQ change.
  regs::Status peek(Terminal t, std::uint32_t offset, std::uint32_t& value);

  bool irq_rx(Terminal t) const { return side(t).irq_rx; }
  bool irq_tx(Terminal t) const { return side(t).irq_tx; }
  bool irq(Terminal t, IrqKind kind) const { return kind == IrqKind::kRx ? irq_rx(t) : irq_tx(t); }
  void on_irq_change(IrqCallback callback) { irq_callback_ = std::move(callback); }

  /// Called when `sender` sends a message (its OEN 0->1 transition), after any fault acted;
  /// `delivered` is false when nothing of it is left for the peer (a dropped kick).
  void on_send(std::function<void(Terminal sender, bool delivered)> callback) {
    send_callback_ = std::move(callback);
  }

  // --- fault injection (mailbox_faults.cpp) ----------------------------------------------------
  // A message is what a sender's OEN 0->1 transition makes visible: the words in its FIFOs (the
  // drivers only send with empty FIFOs). On the `nth` message of `sender` (counting from 1):
  //  - kDrop: the words vanish; the sender sees TX-done as if the peer had read them;
  //  - kDuplicate: the words are delivered twice (the peer reads each command word twice);
  //  - kDelay: the words stay in the sender's FIFOs but the peer cannot see them (its status
  //    reads empty, no RX interrupt) until deliver_held(); the shell calls it after the
  //    configured delay. The sender sees its FIFO busy and gets TX-done only once the peer read
  //    them, so a held message is never overtaken.
  /// Returns the fault's index (for the fired callback).
  std::size_t add_kick_fault(Terminal sender, unsigned nth, KickFault action);
  /// Called when fault `index` acts, before the IRQ levels are updated.
  void on_kick_fault(std::function<void(std::size_t index)> fired) {
    fault_fired_ = std::move(fired);
  }
  /// Shows the peer the message a kDelay fault held back and updates the IRQs.
  void deliver_held(Terminal sender);

  /// Counters of the direction whose sender is `sender`.
  const MailboxDirectionStats& stats(Terminal sender) const { return side(sender).stats; }
  const MailboxTerminalStats& terminal_stats(Terminal t) const { return side(t).irq_stats; }

  /// Introspection for tests, tracing and VCD (no side effects).
  std::uint32_t ctrl(Terminal t) const { return side(t).ctrl; }
  bool tx_done_latched(Terminal t) const { return side(t).tx_done; }
  std::size_t tx_cmd_level(Terminal sender) const { return side(sender).cmd.size(); }
  std::size_t tx_data_level(Terminal sender) const { return side(sender).data.size(); }

  const regs::RegisterBank& bank(Terminal t) const { return side(t).bank; }
  const MailboxConfig& config() const { return config_; }

private:
  enum class CtrlOp { kAssign, kSet, kClear };

  /// One terminal: its registers and control state, plus the direction it sends on.
  struct Side {
    Side(const std::string& name, const MailboxConfig& config);
    regs::RegisterBank bank;
    std::uint32_t ctrl = 0;
    bool own_ready = false;
    bool tx_done = false;
    bool irq_rx = false;
    bool irq_tx = false;
    WordFifo cmd;                     ///< this side's TX command FIFO = the peer's RX FIFO
    WordFifo data;                    ///< this side's TX data FIFO = the peer's RX data FIFO
    std::vector<std::uint32_t> slots; ///< cmd words by index (cmd_index_mode only)
    MailboxDirectionStats stats;      ///< the direction this side sends on
    MailboxTerminalStats irq_stats;
  };

  Side& side(Terminal t) { return sides_[static_cast<unsigned>(t)]; }
  const Side& side(Terminal t) const { return sides_[static_cast<unsigned>(t)]; }

  void declare_registers(Terminal t);
  void push_cmd(Terminal sender, unsigned index, std::uint32_t word);
  std::uint32_t pop_cmd(Terminal reader, unsigned index);
  void push_data(Terminal sender, std::uint32_t word);
  std::uint32_t pop_data(Terminal reader);
  void write_ctrl(Terminal t, std::uint32_t value, CtrlOp op);
  void flush_cmd(Terminal sender);
  void flush_data(Terminal sender);
  bool visible(Terminal sender) const;
  std::uint32_t cmd_status(Terminal t) const;
  std::uint32_t data_status(Terminal sender, bool gated) const;
  bool rx_threshold_met(Terminal t) const;
  void update();

  struct Fault {
    Terminal sender;
    unsigned nth;
    KickFault action;
  };
  void apply_kick_faults(Terminal sender);

  MailboxConfig config_;
  std::array<Side, 2> sides_;
  IrqCallback irq_callback_;
  std::vector<Fault> faults_;
  std::function<void(std::size_t)> fault_fired_;
  std::function<void(Terminal, bool)> send_callback_;
  std::array<bool, 2> held_{}; ///< per sender: a kDelay fault hides its FIFOs from the peer
  bool consume_ = true;        ///< false while peek() runs: reads must not pop or count
};

} // namespace sim::models
