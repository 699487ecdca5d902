// SPDX-License-Identifier: Apache-2.0
#pragma once
// The data address a load or store instruction accesses, decoded from its encoding and the
// registers: what FAR_EL1 would hold when it aborts. Unicorn 2.0.1 reports a data abort (or an
// access to no mapped memory) only by its exception number, without the address QEMU computed, so
// the ISS recovers it from the instruction (Arm ARM C4.1, "Loads and Stores"): register (unsigned
// immediate, unscaled, pre- and post-indexed, register offset), pair, and exclusive/ordered forms,
// general-purpose and SIMD&FP. Pure C++.

#include <cstdint>
#include <functional>
#include <optional>

namespace sim::models::iss {

struct DataAccess {
  std::uint64_t address = 0;
  bool write = false;
};

/// `reg(n)`: Xn for n < 31, SP for 31 (as a base register). nullopt for any other instruction.
std::optional<DataAccess> decode_data_access(std::uint32_t insn,
                                             const std::function<std::uint64_t(unsigned)>& reg);

} // namespace sim::models::iss
