// SPDX-License-Identifier: Apache-2.0
#pragma once
// Parsing of values with units as written in board and scenario files: sizes (`32KiB`, `0x2000`,
// `64B`), times (`80ns`, `1.5ms`, `2s`), frequencies (`1.5GHz`) and latencies that may be given in
// cycles (`4cycles`). Pure C++: parse errors throw UnitError with a message saying what was
// expected; the config reader adds file:line and the key path.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sim {

/// Simulated time in picoseconds (the unit the whole project uses outside SystemC).
using Picoseconds = std::uint64_t;

inline constexpr Picoseconds kPsPerNs = 1000;
inline constexpr Picoseconds kPsPerUs = 1000 * kPsPerNs;
inline constexpr Picoseconds kPsPerMs = 1000 * kPsPerUs;
inline constexpr Picoseconds kPsPerS = 1000 * kPsPerMs;

class UnitError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// A latency is either absolute time or a number of clock cycles of the component's clock.
struct Latency {
  Picoseconds time_ps = 0;
  std::uint64_t cycles = 0;
  bool in_cycles = false;
  /// The latency in picoseconds for a clock period.
  Picoseconds resolve(Picoseconds clock_period_ps) const {
    return in_cycles ? cycles * clock_period_ps : time_ps;
  }
};

/// Unsigned integer, decimal or 0x-hex, `_` allowed as digit separator.
std::uint64_t parse_uint(std::string_view text);
/// Byte size: plain integer or with B, KiB, MiB, GiB (binary) or KB, MB, GB (decimal).
std::uint64_t parse_bytes(std::string_view text);
/// Time: number with ps, ns, us, ms or s. A bare 0 is accepted.
Picoseconds parse_time(std::string_view text);
/// Frequency: number with Hz, kHz, MHz or GHz.
std::uint64_t parse_frequency_hz(std::string_view text);
/// Latency: a time (`80ns`) or a cycle count (`4cycles`, `1cycle`).
Latency parse_latency(std::string_view text);
/// Clock period in picoseconds for a frequency (rounded to the nearest ps).
Picoseconds period_ps(std::uint64_t hz);

/// a * b / c with a 128-bit product, rounded down (`up`: rounded up); saturates at 2^64 - 1.
inline std::uint64_t mul_div(std::uint64_t a, std::uint64_t b, std::uint64_t c, bool up = false) {
  __extension__ typedef unsigned __int128 Wide;
  const Wide product = static_cast<Wide>(a) * b;
  const Wide q = up ? (product + c - 1) / c : product / c;
  return q > ~std::uint64_t{0} ? ~std::uint64_t{0} : static_cast<std::uint64_t>(q);
}

/// Human-readable forms used by summaries and `ipcsim layout`.
std::string format_bytes(std::uint64_t bytes);
std::string format_time(Picoseconds ps);
std::string format_hex(std::uint64_t value, int min_digits = 8);

} // namespace sim
