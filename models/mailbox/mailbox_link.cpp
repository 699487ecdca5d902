// SPDX-License-Identifier: Apache-2.0
#include "models/mailbox/mailbox_link.h"

#include <algorithm>
#include <stdexcept>

#include "models/common/log.h"
#include "models/common/units.h"
#include "models/mailbox/mailbox_regs.h"

namespace sim::models {

using namespace mbox;
using regs::Access;
using regs::Status;

namespace {

const MailboxConfig& validated(const MailboxConfig& config) {
  // The status registers report counts in 4-bit (command) and 16-bit (data) fields.
  if (config.cmd_depth < 1 || config.cmd_depth > kCmdStsCountMask)
    throw std::invalid_argument("mailbox cmd_depth must be 1..15");
  if (config.cmd_index_mode && config.cmd_depth > kCmdWindowWords)
    throw std::invalid_argument("mailbox cmd_index_mode needs cmd_depth <= 8 (one slot per word)");
  if (config.data_depth < 1 || config.data_depth > kDatStsCountMask)
    throw std::invalid_argument("mailbox data_depth must be 1..65535");
  return config;
}

std::string prefix(const MailboxConfig& config) {
  return config.name.empty() ? std::string("mailbox") : config.name;
}

std::uint32_t level(std::size_t n) {
  return static_cast<std::uint32_t>(n);
}

} // namespace

const char* terminal_name(Terminal t) {
  return t == Terminal::kA ? "a" : "b";
}

MailboxLink::Side::Side(const std::string& name, const MailboxConfig& config)
    : bank(name), cmd(config.cmd_depth), data(config.data_depth), slots(kCmdWindowWords, 0) {}

MailboxLink::MailboxLink(const MailboxConfig& config)
    : config_(validated(config)), sides_{{Side(prefix(config_) + ".a", config_),
                                          Side(prefix(config_) + ".b", config_)}} {
  declare_registers(Terminal::kA);
  declare_registers(Terminal::kB);
}

// The register table of one terminal (reference §2.2/§2.3 for names, offsets and bits; §7.2 for
// behaviour). Doc strings feed docs/models/mailbox.md, so they must not contain '|'.
void MailboxLink::declare_registers(Terminal t) {
  regs::RegisterBank& bank = side(t).bank;
  const std::string cmd_depth = std::to_string(config_.cmd_depth);
  const std::string data_depth = std::to_string(config_.data_depth);

  bank.add({"MBOX_CMD_TX_FIFO", kCmdTxFifo, Access::kWO, 0, ~0u,
            "Push one word into this side's TX command FIFO (" + cmd_depth +
                " deep), which is the peer's RX command FIFO. FIFO mode: the word index is "
                "ignored [INF]. Full: the word is dropped with a warning [UNK].",
            kCmdWindowWords})
      .on_write([this, t](unsigned i, std::uint32_t v) { push_cmd(t, i, v); });
  bank.add({"MBOX_CMD_RX_FIFO", kCmdRxFifo, Access::kRO, 0, 0,
            "Pop one word from the RX command FIFO (the peer's TX FIFO, so the peer's TX count "
            "drops too) [INF]. Reads 0 without underflow when empty or while the peer's OEN=0 "
            "[UNK].",
            kCmdWindowWords})
      .on_read([this, t](unsigned i) { return pop_cmd(t, i); });
  bank.add({"MBOX_CTRL", kCtrl, Access::kRW, 0, kCtrlStoredBits,
            "[1:0] ILEVEL RX threshold (0 NEMP, 1 GT2, 2 GT4, 3 FULL), [4] IEN_READ, [5] OEN "
            "(send: makes the TX FIFOs visible to the peer), [6] CF_FLUSH and [7] DF_FLUSH "
            "(pulses emptying this side's TX cmd/data FIFO), [20] IEN_WRITE, [21] ICLR_WRITE "
            "(pulse clearing the TX-done latch), [31] TEST (stored, no effect). Pulse and "
            "undefined bits read 0 [INF]."})
      .on_read([this, t](unsigned) { return side(t).ctrl; })
      .on_write([this, t](unsigned, std::uint32_t v) { write_ctrl(t, v, CtrlOp::kAssign); });
  bank.add({"MBOX_CMD_FIFO_STS", kCmdFifoSts, Access::kRO, kCmdStsTxEmpty | kCmdStsRxEmpty, 0,
            "[0] TX empty, [1] TX full, [7:4] TX count (this side's TX command FIFO); [16] RX "
            "empty, [17] RX full, [23:20] RX count (RX half reads empty while the peer's OEN=0)."})
      .on_read([this, t](unsigned) { return cmd_status(t); });
  bank.add({"MBOX_DAT_FIFO_TX_STS", kDatFifoTxSts, Access::kRO, kDatStsEmpty, 0,
            "[31] empty, [30] full, [15:0] word count of this side's TX data FIFO (" + data_depth +
                " deep)."})
      .on_read([this, t](unsigned) { return data_status(t, false); });
  bank.add({"MBOX_DAT_FIFO_RX_STS", kDatFifoRxSts, Access::kRO, kDatStsEmpty, 0,
            "[31] empty, [30] full, [15:0] word count of the RX data FIFO (reads empty while the "
            "peer's OEN=0)."})
      .on_read([this, t](unsigned) { return data_status(peer_of(t), true); });
  bank.add({"MBOX_DAT_FIFO_TXD", kDatFifoTxd, Access::kWO, 0, ~0u,
            "Push one word into this side's TX data FIFO. Full: the word is dropped with a "
            "warning [UNK]."})
      .on_write([this, t](unsigned, std::uint32_t v) { push_data(t, v); });
  bank.add({"MBOX_DAT_FIFO_RXD", kDatFifoRxd, Access::kRO, 0, 0,
            "Pop one word from the RX data FIFO; reads 0 when empty or while the peer's OEN=0."})
      .on_read([this, t](unsigned) { return pop_data(t); });
  bank.add({"MBOX_CTRL_SET", kCtrlSet, Access::kWO, 0, ~0u,
            "CTRL = CTRL OR value; pulse bits act as in MBOX_CTRL [INF]."})
      .on_write([this, t](unsigned, std::uint32_t v) { write_ctrl(t, v, CtrlOp::kSet); });
  bank.add({"MBOX_CTRL_CLR", kCtrlClr, Access::kWO, 0, ~0u,
            "CTRL = CTRL AND value: drivers write ~mask, so the bits written 0 are cleared and "
            "a plain mask would clear every other bit [INF]. Never pulses."})
      .on_write([this, t](unsigned, std::uint32_t v) { write_ctrl(t, v, CtrlOp::kClear); });
  bank.add({"MBOX_OPPOSITE_STS", kOppositeSts, Access::kRW, 0, kOwnTmnSts,
            "[0] OWN_TMN_STS this side ready (RW), [16] OPP_TMN_STS the peer's bit 0 (RO)."})
      .on_read([this, t](unsigned) {
        return (side(t).own_ready ? kOwnTmnSts : 0u) |
               (side(peer_of(t)).own_ready ? kOppTmnSts : 0u);
      })
      .on_write(
          [this, t](unsigned, std::uint32_t v) { side(t).own_ready = (v & kOwnTmnSts) != 0; });
}

Status MailboxLink::read(Terminal t, std::uint32_t offset, std::uint32_t& value, unsigned size) {
  value = 0;
  Status st = side(t).bank.read(offset, value, size);
  if (st == Status::kOk) update(); // a read may pop and so change both sides' interrupts
  return st;
}

Status MailboxLink::write(Terminal t, std::uint32_t offset, std::uint32_t value, unsigned size) {
  Status st = side(t).bank.write(offset, value, size);
  if (st == Status::kOk) update();
  return st;
}

Status MailboxLink::peek(Terminal t, std::uint32_t offset, std::uint32_t& value) {
  value = 0;
  consume_ = false;
  Status st = side(t).bank.read(offset, value, 4);
  consume_ = true;
  return st;
}

void MailboxLink::push_cmd(Terminal sender, unsigned index, std::uint32_t word) {
  Side& s = side(sender);
  if (!s.cmd.push(word)) {
    ++s.stats.cmd_words_dropped;
    SIM_WARN(s.bank.name(), "TX command FIFO full (" << s.cmd.capacity() << " words): word "
                                                     << format_hex(word) << " dropped");
    return;
  }
  if (config_.cmd_index_mode) s.slots[index] = word;
  ++s.stats.kicks;
  s.stats.max_cmd_level = std::max(s.stats.max_cmd_level, level(s.cmd.size()));
}

std::uint32_t MailboxLink::pop_cmd(Terminal reader, unsigned index) {
  const Terminal sender = peer_of(reader);
  Side& s = side(sender);
  if (!visible(sender) || s.cmd.empty()) {
    if (consume_) ++s.stats.empty_reads;
    return 0;
  }
  // Index mode keeps the count in the FIFO but returns the addressed slot.
  std::uint32_t word = config_.cmd_index_mode ? s.slots[index] : s.cmd.front();
  if (!consume_) return word;
  s.cmd.pop();
  ++s.stats.cmd_words_popped;
  // [INF] TX-done: the sender's command FIFO drained to 0 while it was sending.
  if (s.cmd.empty() && (s.ctrl & kCtrlOen) != 0) {
    s.tx_done = true;
    ++s.stats.tx_done_events;
  }
  return word;
}

void MailboxLink::push_data(Terminal sender, std::uint32_t word) {
  Side& s = side(sender);
  if (!s.data.push(word)) {
    ++s.stats.data_words_dropped;
    SIM_WARN(s.bank.name(), "TX data FIFO full (" << s.data.capacity() << " words): word "
                                                  << format_hex(word) << " dropped");
    return;
  }
  ++s.stats.data_words_pushed;
  s.stats.max_data_level = std::max(s.stats.max_data_level, level(s.data.size()));
}

std::uint32_t MailboxLink::pop_data(Terminal reader) {
  const Terminal sender = peer_of(reader);
  Side& s = side(sender);
  if (!visible(sender) || s.data.empty()) {
    if (consume_) ++s.stats.empty_reads;
    return 0;
  }
  if (!consume_) return s.data.front();
  ++s.stats.data_words_popped;
  return s.data.pop();
}

void MailboxLink::write_ctrl(Terminal t, std::uint32_t value, CtrlOp op) {
  Side& s = side(t);
  std::uint32_t next = value;
  if (op == CtrlOp::kSet) next = s.ctrl | value;
  if (op == CtrlOp::kClear) next = s.ctrl & value;
  next &= kCtrlStoredBits;
  const bool sends = (next & kCtrlOen) != 0 && (s.ctrl & kCtrlOen) == 0;
  if (sends) ++s.stats.messages;
  s.ctrl = next;
  // CLR never pulses: drivers write ~mask there, which has the pulse bits set.
  if (op != CtrlOp::kClear) {
    if ((value & kCtrlCfFlush) != 0) flush_cmd(t);
    if ((value & kCtrlDfFlush) != 0) flush_data(t);
    if ((value & kCtrlIclrWrite) != 0) s.tx_done = false;
  }
  // After the pulses of the same write, so a fault sees what is really sent.
  if (sends && !faults_.empty()) apply_kick_faults(t);
  if (sends && send_callback_) send_callback_(t, !s.cmd.empty() || !s.data.empty());
}

// [INF] A flush is not a delivery, so it never sets the TX-done latch.
void MailboxLink::flush_cmd(Terminal sender) {
  Side& s = side(sender);
  held_[static_cast<unsigned>(sender)] = false; // the held message is gone
  s.stats.cmd_words_flushed += s.cmd.clear();
  std::fill(s.slots.begin(), s.slots.end(), 0u);
  ++s.stats.cmd_flushes;
}

void MailboxLink::flush_data(Terminal sender) {
  Side& s = side(sender);
  s.stats.data_words_flushed += s.data.clear();
  ++s.stats.data_flushes;
}

bool MailboxLink::visible(Terminal sender) const {
  if (held_[static_cast<unsigned>(sender)]) return false;
  return !config_.oen_gates_visibility || (side(sender).ctrl & kCtrlOen) != 0;
}

std::uint32_t MailboxLink::cmd_status(Terminal t) const {
  const WordFifo& tx = side(t).cmd;
  const WordFifo& rx = side(peer_of(t)).cmd;
  const bool rx_visible = visible(peer_of(t));
  const std::size_t rx_count = rx_visible ? rx.size() : 0;
  std::uint32_t v = 0;
  v |= tx.empty() ? kCmdStsTxEmpty : 0u;
  v |= tx.full() ? kCmdStsTxFull : 0u;
  v |= (level(tx.size()) & kCmdStsCountMask) << kCmdStsTxCountShift;
  v |= rx_count == 0 ? kCmdStsRxEmpty : 0u;
  v |= rx_visible && rx.full() ? kCmdStsRxFull : 0u;
  v |= (level(rx_count) & kCmdStsCountMask) << kCmdStsRxCountShift;
  return v;
}

std::uint32_t MailboxLink::data_status(Terminal sender, bool gated) const {
  const WordFifo& fifo = side(sender).data;
  const bool shown = !gated || visible(sender);
  const std::size_t count = shown ? fifo.size() : 0;
  std::uint32_t v = level(count) & kDatStsCountMask;
  v |= count == 0 ? kDatStsEmpty : 0u;
  v |= shown && fifo.full() ? kDatStsFull : 0u;
  return v;
}

bool MailboxLink::rx_threshold_met(Terminal t) const {
  const Terminal sender = peer_of(t);
  if (!visible(sender)) return false;
  const std::size_t n = side(sender).cmd.size();
  const bool at_least = config_.threshold == MailboxConfig::ThresholdCompare::kAtLeast;
  switch (side(t).ctrl & kCtrlIlevelMask) {
  case kIlevelNemp:
    return n >= 1;
  case kIlevelGt2:
    return at_least ? n >= 2 : n > 2;
  case kIlevelGt4:
    return at_least ? n >= 4 : n > 4;
  default: // kIlevelFull
    return n == config_.cmd_depth;
  }
}

void MailboxLink::update() {
  for (Terminal t : {Terminal::kA, Terminal::kB}) {
    Side& s = side(t);
    const bool rx = (s.ctrl & kCtrlIenRead) != 0 && rx_threshold_met(t);
    const bool done = config_.tx_done == MailboxConfig::TxDoneMode::kLatched
                          ? s.tx_done
                          : (s.ctrl & kCtrlOen) != 0 && s.cmd.empty();
    const bool tx = (s.ctrl & kCtrlIenWrite) != 0 && done;
    if (rx != s.irq_rx) {
      s.irq_rx = rx;
      if (rx) ++s.irq_stats.irq_rx_asserts;
      if (irq_callback_) irq_callback_(t, IrqKind::kRx, rx);
    }
    if (tx != s.irq_tx) {
      s.irq_tx = tx;
      if (tx) ++s.irq_stats.irq_tx_asserts;
      if (irq_callback_) irq_callback_(t, IrqKind::kTx, tx);
    }
  }
}

} // namespace sim::models
