// SPDX-License-Identifier: Apache-2.0
#pragma once
// Behaviour of a PL011-like console transmitter (pure C++; the Uart shell adds sockets and time).
// Role: software prints through UARTDR and polls UARTFR; the core captures the text and models
// what printing costs: each character occupies the wire for bits_per_char/baud seconds, back to
// back, behind a transmit FIFO of fifo_depth characters.
// Timing model: a character holds its FIFO slot until its stop bit has left (the shift register
// is not counted separately, so the model holds one character fewer than a real PL011). A write
// to a full FIFO is accepted when the oldest character finishes; accept() returns that time and
// the shell adds the wait to the access delay.
// Not modelled: receive path, interrupts, DMA, modem lines, baud divisors and line control (they
// are stored only: speed and format come from the configuration), break and error conditions.
// Registers are declared in one table (PL011 offsets); unimplemented ones are tagged.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "models/common/regs/register_bank.h"
#include "models/common/units.h"
#include "models/uart/uart_config.h"

namespace sim::models {

class UartCore {
public:
  struct Line {
    Picoseconds time; ///< when the line's newline finished transmitting
    std::string text; ///< without the newline and carriage returns
  };
  struct Stats {
    std::uint64_t chars = 0;
    std::uint64_t lines = 0;
    Picoseconds busy_time = 0;  ///< total time the wire was transmitting
    std::uint64_t stalls = 0;   ///< writes that found the FIFO full
    Picoseconds stall_time = 0; ///< total time writers waited for a FIFO slot
  };
  using LineCallback = std::function<void(const Line&)>;

  static constexpr std::uint32_t kDr = 0x000;
  static constexpr std::uint32_t kFr = 0x018;
  static constexpr std::uint32_t kIbrd = 0x024;
  static constexpr std::uint32_t kFbrd = 0x028;
  static constexpr std::uint32_t kLcrH = 0x02c;
  static constexpr std::uint32_t kCr = 0x030;
  static constexpr std::uint32_t kImsc = 0x038;
  static constexpr std::uint32_t kPeriphId0 = 0xfe0;
  static constexpr std::uint32_t kFrBusy = 1u << 3;
  static constexpr std::uint32_t kFrRxfe = 1u << 4;
  static constexpr std::uint32_t kFrTxff = 1u << 5;
  static constexpr std::uint32_t kFrTxfe = 1u << 7;

  /// Throws std::invalid_argument for a zero baud, character size or FIFO depth.
  explicit UartCore(const UartConfig& cfg);
  UartCore(const UartCore&) = delete;
  UartCore& operator=(const UartCore&) = delete;

  /// Wire time of one character in ps.
  Picoseconds char_time() const { return char_time_; }
  /// Puts `c` into the FIFO at `now` or, when full, when a slot frees; returns that time (>= now).
  Picoseconds accept(char c, Picoseconds now);
  /// When a UARTDR write issued at `now` would be accepted: `now` while the FIFO has room, else
  /// when its oldest character's stop bit leaves. What a driver polling UARTFR.TXFF sees first
  /// clear, without issuing every read.
  Picoseconds space_at(Picoseconds now) const;
  /// A writer that polled UARTFR instead of stalling on UARTDR waited `waited` for a slot: counted
  /// in the stall statistics like a stalled write.
  void record_wait(Picoseconds waited);
  /// Characters in the FIFO (including the one on the wire) at `now`.
  unsigned fifo_level(Picoseconds now) const;
  /// UARTFR value at `now`.
  std::uint32_t flags(Picoseconds now) const;

  /// Register access at simulated time `now`. A UARTDR write reports in `stall` how long it
  /// waited for a FIFO slot (0 otherwise).
  regs::Status read(std::uint32_t offset, std::uint32_t& value, Picoseconds now, unsigned size = 4);
  regs::Status write(std::uint32_t offset, std::uint32_t value, Picoseconds now, Picoseconds& stall,
                     unsigned size = 4);
  /// Debug read: no hooks, no warnings, nothing transmitted.
  regs::Status peek(std::uint32_t offset, std::uint32_t& value, Picoseconds now);

  /// Called for each completed line, when its newline is accepted (Line::time lies in the future
  /// by the FIFO drain time).
  void on_line(LineCallback callback) { on_line_ = std::move(callback); }
  /// Everything written to UARTDR, verbatim.
  const std::string& output() const { return output_; }
  const std::vector<Line>& lines() const { return lines_; }
  /// Text after the last newline.
  const std::string& partial_line() const { return partial_; }
  const Stats& stats() const { return stats_; }
  const regs::RegisterBank& regs() const { return regs_; }

private:
  void declare_registers();
  void update(Picoseconds now);
  void capture(char c, Picoseconds end);

  Picoseconds char_time_;
  unsigned depth_;
  // FIFO of transmission end times, oldest first, as a fixed ring (no allocation per character).
  std::vector<Picoseconds> ends_;
  unsigned head_ = 0;
  unsigned count_ = 0;
  Picoseconds wire_free_ = 0;   // when the last accepted character leaves the wire
  Picoseconds last_accept_ = 0; // the FIFO keeps order: nothing enters before its predecessor

  regs::RegisterBank regs_;
  regs::Register* fr_ = nullptr;
  Picoseconds access_time_ = 0;
  Picoseconds last_stall_ = 0;

  std::string output_;
  std::string partial_;
  std::vector<Line> lines_;
  LineCallback on_line_;
  Stats stats_;
};

} // namespace sim::models
