using System.Security.Cryptography;
using System.Text;

namespace SpecialistPlatform.Contracts.Security;

/// <summary>
/// The SCRAM-SHA-256 verifier Postgres stores for a password (RFC 5802/7677), computed here so that
/// <c>ALTER ROLE ... PASSWORD</c> carries the verifier and never the password: a statement that lands in a server log
/// (an error, <c>log_statement</c>) then holds nothing to log in with. Shared by the AppHost, which sets the owner's
/// password, and the migrations, which set the services' role's.
/// </summary>
public static class PostgresScramVerifier
{
    // Postgres's own default (scram_iterations).
    private const int Iterations = 4096;

    /// <summary>The verifier for <paramref name="password"/>, which must be printable ASCII: Postgres applies SASLprep
    /// to other text, which this does not.</summary>
    public static string For(string password)
    {
        if (password.Length == 0 || password.Any(c => c is < '!' or > '~'))
        {
            throw new ArgumentException("A generated password is printable ASCII without spaces.", nameof(password));
        }

        var salt = RandomNumberGenerator.GetBytes(16);
        var saltedPassword = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(saltedPassword, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(saltedPassword, "Server Key"u8);
        return $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
