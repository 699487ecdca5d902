// SPDX-License-Identifier: Apache-2.0
#include "sw/shm/vring_view.h"

#include <string>

#include "sw/shm/hex.h"

namespace sim::sw::shm {

void VringView::check(unsigned i, const char* what) const {
  if (i < layout_.num) return;
  hal_->panic(std::string("vring at ") + hex(base_) + ": " + what + " index " + std::to_string(i) +
              " >= num " + std::to_string(layout_.num));
}

VringDesc VringView::read_desc(unsigned i) const {
  VringDesc d;
  d.addr = desc_addr(i);
  d.len = desc_len(i);
  d.flags = desc_flags(i);
  d.next = desc_next(i);
  return d;
}

void VringView::write_desc(unsigned i, const VringDesc& d) {
  set_desc_addr(i, d.addr);
  set_desc_len(i, d.len);
  set_desc_flags(i, d.flags);
  set_desc_next(i, d.next);
}

} // namespace sim::sw::shm
