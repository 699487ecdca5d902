// SPDX-License-Identifier: Apache-2.0
#include "models/common/units.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace sim {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Splits "1.5GHz" into the number "1.5" and the suffix "GHz".
void split_number(std::string_view text, std::string_view& number, std::string_view& suffix) {
  std::size_t i = 0;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    i = 2;
    while (i < text.size() &&
           (std::isxdigit(static_cast<unsigned char>(text[i])) || text[i] == '_'))
      ++i;
  } else {
    while (i < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' || text[i] == '_'))
      ++i;
  }
  number = trim(text.substr(0, i));
  suffix = trim(text.substr(i));
}

// A decimal number with an optional fraction, as a double (used for 1.5GHz, 0.5us).
double parse_decimal(std::string_view number, std::string_view whole) {
  if (number.empty()) throw UnitError("'" + std::string(whole) + "' does not start with a number");
  std::string digits;
  int dots = 0;
  for (char c : number) {
    if (c == '_') continue;
    if (c == '.') ++dots;
    digits += c;
  }
  // Only digits and one dot, with at least one digit: "_", "." or "0x" are not numbers.
  const bool digit = digits.find_first_of("0123456789") != std::string::npos;
  const bool only = digits.find_first_not_of("0123456789.") == std::string::npos;
  if (dots > 1 || !digit || !only) throw UnitError("'" + std::string(whole) + "' is not a number");
  return std::strtod(digits.c_str(), nullptr);
}

// Scales a possibly fractional number by an integer unit; the result must be a whole number.
std::uint64_t scale(std::string_view number, std::uint64_t unit, std::string_view whole) {
  if (number.find('.') == std::string_view::npos) {
    std::uint64_t v = parse_uint(number);
    if (unit != 0 && v > std::numeric_limits<std::uint64_t>::max() / unit)
      throw UnitError("'" + std::string(whole) + "' is too large");
    return v * unit;
  }
  double v = parse_decimal(number, whole) * static_cast<double>(unit);
  double rounded = std::round(v);
  if (std::fabs(v - rounded) > 1e-6 * std::max(1.0, std::fabs(v)))
    throw UnitError("'" + std::string(whole) + "' is not a whole number of the base unit");
  if (rounded >= 1.8e19) throw UnitError("'" + std::string(whole) + "' is too large");
  return static_cast<std::uint64_t>(rounded);
}

} // namespace

std::uint64_t parse_uint(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) throw UnitError("expected an unsigned integer, got an empty value");
  int base = 10;
  std::string_view digits = s;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    digits = s.substr(2);
  }
  std::uint64_t value = 0;
  bool any = false;
  for (char c : digits) {
    if (c == '_') continue;
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (base == 16 && std::isxdigit(static_cast<unsigned char>(c))) {
      d = std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
    } else {
      throw UnitError("expected an unsigned integer, got '" + std::string(s) + "'");
    }
    auto ubase = static_cast<std::uint64_t>(base);
    if (value > (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(d)) / ubase)
      throw UnitError("'" + std::string(s) + "' is too large");
    value = value * ubase + static_cast<std::uint64_t>(d);
    any = true;
  }
  if (!any) throw UnitError("expected an unsigned integer, got '" + std::string(s) + "'");
  return value;
}

std::uint64_t parse_bytes(std::string_view text) {
  std::string_view s = trim(text), number, suffix;
  split_number(s, number, suffix);
  struct Unit {
    const char* name;
    std::uint64_t factor;
  };
  static constexpr Unit kUnits[] = {{"", 1},
                                    {"B", 1},
                                    {"KiB", 1ull << 10},
                                    {"MiB", 1ull << 20},
                                    {"GiB", 1ull << 30},
                                    {"TiB", 1ull << 40},
                                    {"KB", 1000},
                                    {"kB", 1000},
                                    {"MB", 1000000},
                                    {"GB", 1000000000}};
  for (const Unit& u : kUnits)
    if (suffix == u.name) return scale(number, u.factor, s);
  throw UnitError("'" + std::string(s) +
                  "' is not a size (expected e.g. 64B, 32KiB, 2GiB, 0x2000)");
}

Picoseconds parse_time(std::string_view text) {
  std::string_view s = trim(text), number, suffix;
  split_number(s, number, suffix);
  struct Unit {
    const char* name;
    Picoseconds factor;
  };
  static constexpr Unit kUnits[] = {
      {"ps", 1}, {"ns", kPsPerNs}, {"us", kPsPerUs}, {"ms", kPsPerMs}, {"s", kPsPerS}};
  for (const Unit& u : kUnits)
    if (suffix == u.name) return scale(number, u.factor, s);
  if (suffix.empty() && !number.empty() && parse_decimal(number, s) == 0.0) return 0;
  throw UnitError("'" + std::string(s) + "' is not a time (expected e.g. 80ns, 1.5us, 2s)");
}

std::uint64_t parse_frequency_hz(std::string_view text) {
  std::string_view s = trim(text), number, suffix;
  split_number(s, number, suffix);
  struct Unit {
    const char* name;
    std::uint64_t factor;
  };
  static constexpr Unit kUnits[] = {
      {"Hz", 1}, {"kHz", 1000}, {"KHz", 1000}, {"MHz", 1000000}, {"GHz", 1000000000}};
  for (const Unit& u : kUnits) {
    if (suffix == u.name) {
      std::uint64_t hz = scale(number, u.factor, s);
      if (hz == 0) throw UnitError("frequency '" + std::string(s) + "' must be above zero");
      return hz;
    }
  }
  throw UnitError("'" + std::string(s) + "' is not a frequency (expected e.g. 1.5GHz, 400MHz)");
}

Latency parse_latency(std::string_view text) {
  std::string_view s = trim(text), number, suffix;
  split_number(s, number, suffix);
  Latency l;
  if (suffix == "cycles" || suffix == "cycle") {
    if (number.find('.') != std::string_view::npos)
      throw UnitError("'" + std::string(s) + "': cycles must be a whole number");
    l.in_cycles = true;
    l.cycles = parse_uint(number);
    return l;
  }
  try {
    l.time_ps = parse_time(s);
  } catch (const UnitError&) {
    throw UnitError("'" + std::string(s) +
                    "' is not a latency (expected a time like 80ns or cycles like 4cycles)");
  }
  return l;
}

Picoseconds period_ps(std::uint64_t hz) {
  return hz == 0 ? 0 : (kPsPerS + hz / 2) / hz;
}

std::string format_bytes(std::uint64_t bytes) {
  static constexpr const char* kNames[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int i = 0;
  std::uint64_t v = bytes;
  while (i < 4 && v >= 1024 && v % 1024 == 0) {
    v /= 1024;
    ++i;
  }
  return std::to_string(v) + " " + kNames[i];
}

std::string format_time(Picoseconds ps) {
  char buf[64];
  auto d = static_cast<double>(ps);
  if (ps >= kPsPerS)
    std::snprintf(buf, sizeof buf, "%.3f s", d / static_cast<double>(kPsPerS));
  else if (ps >= kPsPerMs)
    std::snprintf(buf, sizeof buf, "%.3f ms", d / static_cast<double>(kPsPerMs));
  else if (ps >= kPsPerUs)
    std::snprintf(buf, sizeof buf, "%.3f us", d / static_cast<double>(kPsPerUs));
  else
    std::snprintf(buf, sizeof buf, "%.3f ns", d / static_cast<double>(kPsPerNs));
  return buf;
}

std::string format_hex(std::uint64_t value, int min_digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%0*llx", min_digits, static_cast<unsigned long long>(value));
  return buf;
}

} // namespace sim
