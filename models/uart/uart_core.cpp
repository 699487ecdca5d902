// SPDX-License-Identifier: Apache-2.0
#include "models/uart/uart_core.h"

#include <algorithm>
#include <stdexcept>

namespace sim::models {

using regs::Access;

UartCore::UartCore(const UartConfig& cfg)
    : char_time_(0), depth_(cfg.fifo_depth), ends_(cfg.fifo_depth), regs_(cfg.name) {
  if (cfg.baud == 0 || cfg.bits_per_char == 0 || cfg.fifo_depth == 0)
    throw std::invalid_argument(cfg.name + ": baud, bits_per_char and fifo_depth must be > 0");
  char_time_ = (cfg.bits_per_char * kPsPerS + cfg.baud / 2) / cfg.baud;
  declare_registers();
}

void UartCore::declare_registers() {
  // Offsets, reset values and IDs from the PL011 r1p5 TRM [INF: the TCC807x console is taken to be
  // PL011-compatible]. UARTDR stores nothing (write mask 0) so reads and debug reads return 0.
  regs_
      .add({"UARTDR", kDr, Access::kRW, 0, 0,
            "write: transmit bits [7:0] (waits for a FIFO slot when full); read: 0, receive not "
            "modelled"})
      .on_write([this](unsigned, std::uint32_t v) {
        const Picoseconds t = accept(static_cast<char>(v & 0xffu), access_time_);
        last_stall_ = t - access_time_;
      });
  regs_.add_tagged({"UARTRSR_UARTECR", 0x004, Access::kRW, 0, 0xff,
                    "receive status / error clear (receive not modelled)"});
  regs_.add({"UARTFR", kFr, Access::kRO, kFrRxfe | kFrTxfe, 0,
             "flags at the access time: bit3 BUSY (a character in the FIFO or on the wire), bit4 "
             "RXFE (always 1), bit5 TXFF (FIFO full), bit7 TXFE (FIFO empty)"});
  regs_.add_tagged({"UARTILPR", 0x020, Access::kRW, 0, 0xff, "IrDA low-power counter"});
  regs_.add({"UARTIBRD", kIbrd, Access::kRW, 0, 0xffff,
             "integer baud divisor; stored, no effect: baud comes from config"});
  regs_.add({"UARTFBRD", kFbrd, Access::kRW, 0, 0x3f,
             "fractional baud divisor; stored, no effect: baud comes from config"});
  regs_.add({"UARTLCR_H", kLcrH, Access::kRW, 0, 0xff,
             "line control; stored, no effect: character format comes from config"});
  regs_.add({"UARTCR", kCr, Access::kRW, 0x300, 0xff87,
             "control; stored, no effect: the transmitter always runs"});
  regs_.add_tagged({"UARTIFLS", 0x034, Access::kRW, 0x12, 0x3f, "FIFO interrupt levels"});
  regs_.add_tagged({"UARTIMSC", kImsc, Access::kRW, 0, 0x7ff, "interrupt mask"});
  regs_.add_tagged({"UARTRIS", 0x03c, Access::kRO, 0, 0, "raw interrupt status"});
  regs_.add_tagged({"UARTMIS", 0x040, Access::kRO, 0, 0, "masked interrupt status"});
  regs_.add_tagged({"UARTICR", 0x044, Access::kWO, 0, 0x7ff, "interrupt clear"});
  regs_.add_tagged({"UARTDMACR", 0x048, Access::kRW, 0, 0x7, "DMA control"});
  static constexpr std::uint32_t kIds[8] = {0x11, 0x10, 0x34, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
  for (std::uint32_t i = 0; i < 8; ++i) {
    const bool cell = i >= 4;
    regs_.add({std::string(cell ? "UARTPCellID" : "UARTPeriphID") + std::to_string(i % 4),
               kPeriphId0 + 4 * i, Access::kRO, kIds[i], 0,
               cell ? "PrimeCell identification" : "peripheral identification (PL011 r1p5)"});
  }
  fr_ = &regs_.by_name("UARTFR"); // stable: no register is added after this
}

Picoseconds UartCore::accept(char c, Picoseconds now) {
  const Picoseconds asked = now;
  now = std::max(now, last_accept_);
  while (count_ != 0 && ends_[head_] <= now) {
    head_ = (head_ + 1) % depth_;
    --count_;
  }
  Picoseconds t = now;
  if (count_ == depth_) { // full: wait for the oldest character's stop bit
    t = ends_[head_];
    head_ = (head_ + 1) % depth_;
    --count_;
  }
  const Picoseconds end = std::max(t, wire_free_) + char_time_;
  ends_[(head_ + count_) % depth_] = end;
  ++count_;
  wire_free_ = end;
  last_accept_ = t;
  ++stats_.chars;
  stats_.busy_time += char_time_;
  if (t > asked) {
    ++stats_.stalls;
    stats_.stall_time += t - asked;
  }
  capture(c, end);
  return t;
}

Picoseconds UartCore::space_at(Picoseconds now) const {
  now = std::max(now, last_accept_); // accept() keeps the order of writes
  if (fifo_level(now) < depth_) return now;
  return ends_[head_]; // full: every entry is live, the oldest frees the first slot
}

void UartCore::record_wait(Picoseconds waited) {
  if (waited == 0) return;
  ++stats_.stalls;
  stats_.stall_time += waited;
}

unsigned UartCore::fifo_level(Picoseconds now) const {
  unsigned level = 0;
  for (unsigned i = 0; i < count_; ++i)
    if (ends_[(head_ + i) % depth_] > now) ++level;
  return level;
}

std::uint32_t UartCore::flags(Picoseconds now) const {
  const unsigned level = fifo_level(now);
  std::uint32_t fr = kFrRxfe;
  if (level != 0) fr |= kFrBusy;
  if (level >= depth_) fr |= kFrTxff;
  if (level == 0) fr |= kFrTxfe;
  return fr;
}

void UartCore::update(Picoseconds now) {
  fr_->set_value(flags(now));
}

regs::Status UartCore::read(std::uint32_t offset, std::uint32_t& value, Picoseconds now,
                            unsigned size) {
  update(now);
  return regs_.read(offset, value, size);
}

regs::Status UartCore::write(std::uint32_t offset, std::uint32_t value, Picoseconds now,
                             Picoseconds& stall, unsigned size) {
  access_time_ = now;
  last_stall_ = 0;
  const regs::Status status = regs_.write(offset, value, size);
  stall = last_stall_;
  return status;
}

regs::Status UartCore::peek(std::uint32_t offset, std::uint32_t& value, Picoseconds now) {
  update(now);
  return regs_.peek(offset, value);
}

void UartCore::capture(char c, Picoseconds end) {
  output_ += c;
  if (c == '\r') return; // consoles send "\r\n"; lines keep only the text
  if (c != '\n') {
    partial_ += c;
    return;
  }
  lines_.push_back({end, std::move(partial_)});
  partial_.clear();
  ++stats_.lines;
  if (on_line_) on_line_(lines_.back());
}

} // namespace sim::models
