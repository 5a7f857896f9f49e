package io.examday.common.token;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Ed25519 (RFC 8032) signatures with BouncyCastle's implementation: the same signatures as the
 * JDK's EdDSA, which costs ~0.4 ms per signature and per verification on this machine, against ~25
 * µs and ~55 µs here; at the start every candidate costs one of each on exam-session and a
 * verification on a gateway. Keys stay JDK keys everywhere else (PEM files, {@link Ed25519Keys}).
 */
final class Ed25519Signatures {

  private Ed25519Signatures() {}

  static Ed25519PrivateKeyParameters signingKey(PrivateKey key) {
    return cast(parse(key.getEncoded(), true), Ed25519PrivateKeyParameters.class);
  }

  static Ed25519PublicKeyParameters verifyingKey(PublicKey key) {
    return cast(parse(key.getEncoded(), false), Ed25519PublicKeyParameters.class);
  }

  static byte[] sign(Ed25519PrivateKeyParameters key, byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** False for any signature that does not verify, whatever its length or content. */
  static boolean verify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, key);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  private static AsymmetricKeyParameter parse(byte[] encoded, boolean isPrivate) {
    try {
      return isPrivate ? PrivateKeyFactory.createKey(encoded) : PublicKeyFactory.createKey(encoded);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not an Ed25519 key", e);
    }
  }

  private static <T> T cast(AsymmetricKeyParameter key, Class<T> type) {
    if (!type.isInstance(key)) {
      throw new IllegalArgumentException("not an Ed25519 key: " + key.getClass().getSimpleName());
    }
    return type.cast(key);
  }
}
