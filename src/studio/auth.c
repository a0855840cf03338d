/*
 * auth.c: passwords and tokens (auth.h), all of it libsodium's.
 */
#include "auth.h"

#include <sodium.h>
#include <string.h>

#include "core/core.h"

/* libsodium is opened on first use, not linked: only the studio needs it
   (core/dynlib.h). */
#ifndef PODSYNTH_SONAME_SODIUM
#error "PODSYNTH_SONAME_SODIUM (the Makefile sets it) is the soname of libsodium"
#endif
#define SODIUM_FNS(X) X(crypto_generichash) X(crypto_pwhash_str) \
	X(crypto_pwhash_str_verify) X(randombytes_buf) X(sodium_bin2hex) X(sodium_init) \
	X(sodium_memcmp)
SODIUM_FNS(DYNLIB_PTR)
static const struct dynsym sodium_syms[] = {SODIUM_FNS(DYNLIB_SYM)};
#define crypto_generichash (*dl_crypto_generichash)
#define crypto_pwhash_str (*dl_crypto_pwhash_str)
#define crypto_pwhash_str_verify (*dl_crypto_pwhash_str_verify)
#define randombytes_buf (*dl_randombytes_buf)
#define sodium_bin2hex (*dl_sodium_bin2hex)
#define sodium_init (*dl_sodium_init)
#define sodium_memcmp (*dl_sodium_memcmp)


/* Opens the library on first need (exits when it cannot be: dynlib_need). */
static void sodium_need(void)
{
	dynlib_need(PODSYNTH_SONAME_SODIUM, sodium_syms, ARRAY_LEN(sodium_syms));
}

int auth_init(void)
{
	sodium_need();
	return sodium_init() < 0 ? -1 : 0;
}

int auth_hash_password(const char *password, char out[AUTH_HASH_MAX])
{
	sodium_need();
	_Static_assert(crypto_pwhash_STRBYTES <= AUTH_HASH_MAX, "hash buffer");
	return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				 crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

int auth_check_password(const char *hash, const char *password)
{
	sodium_need();
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

void auth_token(char out[AUTH_TOKEN_HEX + 1])
{
	sodium_need();
	unsigned char b[32];
	randombytes_buf(b, sizeof b);
	sodium_bin2hex(out, AUTH_TOKEN_HEX + 1, b, sizeof b);
}

void auth_token_hash(const char *token, char out[AUTH_TOKEN_HEX + 1])
{
	sodium_need();
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, AUTH_TOKEN_HEX + 1, h, sizeof h);
}

int auth_equal(const char *a, const char *b)
{
	sodium_need();
	size_t n = strlen(a);
	return n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}
