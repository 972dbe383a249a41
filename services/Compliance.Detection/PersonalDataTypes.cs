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
}
