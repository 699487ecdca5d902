/* SPDX-License-Identifier: Apache-2.0 */
/* libmetal's generic-system machine header for the TCC807x main core (ipcsim's own, installed
   as metal/system/generic/tcc807x/sys.h next to libmetal's unmodified headers): what libmetal's
   generic system layer asks of a machine (see its generic/template). */
#ifndef __METAL_GENERIC_SYS__H__
#error "Include metal/sys.h instead of metal/system/generic/tcc807x/sys.h"
#endif

#ifndef IPCSIM_METAL_TCC807X_SYS_H
#define IPCSIM_METAL_TCC807X_SYS_H

#ifdef __cplusplus
extern "C" {
#endif

#ifdef METAL_INTERNAL
void sys_irq_enable(unsigned int vector);
void sys_irq_disable(unsigned int vector);
#endif

#ifdef __cplusplus
}
#endif

#endif
