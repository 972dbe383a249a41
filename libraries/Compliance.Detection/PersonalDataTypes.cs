namespace SpecialistPlatform.Compliance.Detection;

/// <summary>Entity type names, spelled as Microsoft Presidio spells them so findings line up with its benchmarks.</summary>
public static class PersonalDataTypes
{
    public const string CreditCard = "CREDIT_CARD";
    public const string Iban = "IBAN_CODE";
    public const string EmailAddress = "EMAIL_ADDRESS";
    public const string PhoneNumber = "PHONE_NUMBER";
    public const string IpAddress = "IP_ADDRESS";
    public const string UsSsn = "US_SSN";
    public const string UkNhs = "UK_NHS";
    public const string Url = "URL";
    public const string DomainName = "DOMAIN_NAME";
    public const string Crypto = "CRYPTO";
    public const string UsDriverLicense = "US_DRIVER_LICENSE";
    public const string UsPassport = "US_PASSPORT";
    public const string UsBankNumber = "US_BANK_NUMBER";
    public const string MedicalLicense = "MEDICAL_LICENSE";
    public const string DateTime = "DATE_TIME";
    public const string Age = "AGE";
    public const string Title = "TITLE";
    public const string ZipCode = "ZIP_CODE";

    /// <summary>Nationality, religious or political group (Presidio's NRP).</summary>
    public const string Nrp = "NRP";

    /// <summary>Types a learned tagger provides; no rule here recognizes them.</summary>
    public const string Person = "PERSON";
    public const string Location = "LOCATION";
    public const string Organization = "ORGANIZATION";
    public const string StreetAddress = "STREET_ADDRESS";

    /// <summary>Types whose rules include a check digit or checksum: these must not fire on ordinary text.</summary>
    public static readonly IReadOnlyList<string> ChecksumValidated = [CreditCard, Iban, UkNhs, Crypto, MedicalLicense];
}
