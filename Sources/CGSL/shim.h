#ifndef CGSL_SHIM_H
#define CGSL_SHIM_H
#include <gsl/gsl_version.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_odeiv2.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_statistics_double.h>

// GSL hands out stepper and generator types as mutable globals, which Swift 6 language mode
// rejects as not concurrency-safe; these accessors return them by value.
static inline const char *cgsl_version(void) { return gsl_version; }
static inline const gsl_odeiv2_step_type *cgsl_step_rk4(void)   { return gsl_odeiv2_step_rk4; }
static inline const gsl_odeiv2_step_type *cgsl_step_rkf45(void) { return gsl_odeiv2_step_rkf45; }
static inline const gsl_odeiv2_step_type *cgsl_step_rkck(void)  { return gsl_odeiv2_step_rkck; }
static inline const gsl_odeiv2_step_type *cgsl_step_rk8pd(void) { return gsl_odeiv2_step_rk8pd; }
static inline const gsl_odeiv2_step_type *cgsl_step_msbdf(void) { return gsl_odeiv2_step_msbdf; }
static inline const gsl_rng_type *cgsl_rng_mt19937(void)        { return gsl_rng_mt19937; }
static inline const gsl_qrng_type *cgsl_qrng_sobol(void)        { return gsl_qrng_sobol; }
#endif
