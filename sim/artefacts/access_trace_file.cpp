// SPDX-License-Identifier: Apache-2.0
#include "sim/artefacts/access_trace_file.h"

#include <iomanip>
#include <istream>
#include <ostream>
#include <sstream>
#include <stdexcept>

namespace sim::app {
namespace {

using Op = SharedAccess::Op;

constexpr const char* kOpNames[] = {"read", "write", "clean", "invalidate", "clean+invalidate"};

std::string hex(std::uint64_t v) {
  std::ostringstream out;
  out << "0x" << std::hex << std::setw(8) << std::setfill('0') << v;
  return out.str();
}

} // namespace

const char* op_name(Op op) {
  return kOpNames[static_cast<std::size_t>(op)];
}

std::optional<Op> parse_op(const std::string& name) {
  for (std::size_t i = 0; i < std::size(kOpNames); ++i)
    if (name == kOpNames[i]) return static_cast<Op>(i);
  return std::nullopt;
}

void write_access_trace(std::ostream& out, const std::vector<SharedAccess>& accesses) {
  out << "time_ps\top\taddr\tsize\tname\tflags\tvalue\tsite\n";
  for (const SharedAccess& a : accesses) {
    const char* flags =
        a.maintenance() ? (a.skipped ? "skipped" : "-") : (a.cached ? "cached" : "uncached");
    out << a.time_ps << '\t' << op_name(a.op) << '\t' << hex(a.addr) << '\t' << a.size << '\t'
        << a.name << '\t' << flags << '\t' << (a.value.empty() ? "-" : a.value) << '\t'
        << (a.site.empty() ? "-" : a.site) << '\n';
  }
}

std::vector<SharedAccess> read_access_trace(std::istream& in, const std::string& file) {
  std::vector<SharedAccess> out;
  std::string line;
  unsigned number = 0;
  const auto fail = [&](const std::string& what) {
    throw std::invalid_argument(file + ":" + std::to_string(number) + ": " + what);
  };
  while (std::getline(in, line)) {
    ++number;
    if (number == 1) {
      if (line.rfind("time_ps\top\t", 0) != 0) fail("not an access trace (no header)");
      continue;
    }
    std::vector<std::string> cols;
    std::stringstream fields(line);
    for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
    if (cols.size() != 8)
      fail("expected 8 tab-separated columns, got " + std::to_string(cols.size()));
    SharedAccess a;
    const std::optional<Op> op = parse_op(cols[1]);
    if (!op) fail("unknown operation '" + cols[1] + "'");
    a.op = *op;
    try {
      std::size_t used = 0;
      a.time_ps = std::stoull(cols[0], &used);
      if (used != cols[0].size()) throw std::invalid_argument(cols[0]);
      a.addr = std::stoull(cols[2], &used, 16);
      if (used != cols[2].size()) throw std::invalid_argument(cols[2]);
      a.size = std::stoull(cols[3], &used);
      if (used != cols[3].size()) throw std::invalid_argument(cols[3]);
    } catch (const std::exception&) {
      fail("time, address and size must be numbers");
    }
    a.name = cols[4];
    a.cached = cols[5] != "uncached";
    a.skipped = cols[5] == "skipped";
    a.value = cols[6] == "-" ? "" : cols[6];
    a.site = cols[7] == "-" ? "" : cols[7];
    out.push_back(std::move(a));
  }
  if (number == 0) fail("empty file");
  return out;
}

} // namespace sim::app
